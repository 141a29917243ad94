import { vietnamDate } from '../../../src/domain/rules/businessDate';

/** The day in Vietnam (UTC+7, no daylight saving), worked out afresh each time. */
const direct = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

describe('vietnamDate, remembered from one call to the next', () => {
  it('should name the day in Vietnam on either side of its midnight, however the calls come', () => {
    const midnight = Date.parse('2026-12-06T17:00:00Z'); // 00:00 on 7 December in Hà Nội
    const instants = [-1, 0, 1, -86_400_000, 86_400_000 - 1, 86_400_000, -86_400_001, 3_600_000, -3_600_000].map(
      (offset) => midnight + offset,
    );
    for (const ms of [...instants, ...instants.reverse()]) expect(vietnamDate(new Date(ms))).toBe(direct(ms));
    expect(vietnamDate(new Date(midnight - 1))).toBe('2026-12-06');
    expect(vietnamDate(new Date(midnight))).toBe('2026-12-07');
  });

  it('should agree with the direct reckoning on instants spread over decades, before 1970 too', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const ms = Math.round((next() - 0.2) * 2e12);
      expect(vietnamDate(new Date(ms))).toBe(direct(ms));
    }
  });
});
