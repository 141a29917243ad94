import { isBusinessDate } from '../../../src/domain/rules/businessDate';

/** The calendar as Date keeps it: a date is real when Date gives back the same year, month and day. */
function real(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe('isBusinessDate', () => {
  it('should agree with the calendar on every month and day of leap, common and century years', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of [0, 99, 100, 1900, 2000, 2023, 2024, 2025, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect([value, isBusinessDate(value)]).toEqual([value, real(value)]);
        }
  });

  it('should refuse what is not YYYY-MM-DD', () => {
    for (const value of ['2024-2-29', '2024-02-29T00:00:00Z', ' 2024-02-29', '२०२४-02-29', ''])
      expect(isBusinessDate(value)).toBe(false);
  });
});
