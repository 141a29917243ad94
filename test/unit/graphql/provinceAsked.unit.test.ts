import { callersProvince, provinceAsked } from '../../../src/graphql/provinceAsked';

/** The province a question about a plan year means when it names none. */
describe('provinceAsked', () => {
  const actor = (unit: string) => ({ id: 'x', role: 'PROVINCIAL_OFFICER' as const, unit });

  it('should be the province of a commune officer, and the successor for an office of 06 or 066 in 2026', () => {
    expect(callersProvince(actor('02155'), '2026-12-08')).toBe('19');
    expect(callersProvince(actor('06'), '2026-12-08')).toBe('19');
    expect(callersProvince(actor('066'), '2026-12-08')).toBe('19');
    expect(callersProvince(actor('06'), '2024-12-08')).toBe('06');
  });

  it('should be none for the country or an anonymous caller', () => {
    expect(callersProvince(actor('VN'), '2026-12-08')).toBeNull();
    expect(callersProvince(null, '2026-12-08')).toBeNull();
  });

  it('should refuse a question with no province, no office in one and no OCOP_DEFAULT_PROVINCE', () => {
    expect(() => provinceAsked(undefined, null, '2026-12-08', 2026)).toThrow(/provinceCode is required/);
  });
});
