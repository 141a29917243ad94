import { ValidationError } from '../../../src/core/errors';
import { abolishedOn } from '../../../src/domain/rules/units/abolished';
import { requireProvinceInYear, requireProvinceOn } from '../../../src/domain/rules/units/readPlace';

/** A province merged away is never read as an empty place: every question about it after its end names who carries it on. */
describe('Succession of units after 2025-07-01', () => {
  describe('abolishedOn', () => {
    it('should name 19 Thái Nguyên for province 06 and its district 066 in 2026', () => {
      expect(abolishedOn('06', '2026-12-08')).toMatchObject({
        former: { name: 'Bắc Kạn' },
        successors: [{ code: '19' }],
      });
      expect(abolishedOn('066', '2026-12-08')?.successors.map((u) => u.code)).toEqual(['19']);
    });

    it('should name nothing for a unit of the day, or for 06 before its end', () => {
      expect(abolishedOn('19', '2026-12-08')).toBeNull();
      expect(abolishedOn('06', '2025-06-30')).toBeNull();
    });
  });

  describe('requireProvinceInYear and requireProvinceOn', () => {
    it('should refuse 06 in 2026 naming 19 Thái Nguyên', () => {
      expect(() => requireProvinceInYear('06', 2026)).toThrow(/06 Bắc Kạn did not exist in 2026.*19 Thái Nguyên/);
      expect(() => requireProvinceOn('06', '2026-01-01')).toThrow(ValidationError);
    });

    it('should accept 06 in 2025, the year it ended, and 19 on a day of 2026', () => {
      expect(() => requireProvinceInYear('06', 2025)).not.toThrow();
      expect(requireProvinceOn('19', '2026-01-01').name).toBe('Thái Nguyên');
    });
  });
});
