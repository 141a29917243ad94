import { maxStarsFor } from '../../../src/domain/rules/authority';
import { addMonths, isBusinessDate, vietnamDate } from '../../../src/domain/rules/businessDate';
import {
  certificateExpiresOn,
  certificateStatusOn,
  expiresWithin,
} from '../../../src/domain/rules/certificateValidity';
import { isValidScore, starsForScore } from '../../../src/domain/rules/starBands';

describe('Score bands (Decision 148/QĐ-TTg)', () => {
  it.each([
    [100, 5],
    [90, 5],
    [89.99, 4],
    [70, 4],
    [69.5, 3],
    [50, 3],
    [49, 2],
    [30, 2],
    [29.9, 1],
    [0, 1],
  ])('should give %d points %d stars', (score, stars) => {
    expect(starsForScore(score)).toBe(stars);
  });
  it('should accept scores from 0 to 100 only', () => {
    expect([-0.1, 100.1, NaN, Infinity].map(isValidScore)).toEqual([false, false, false, false]);
    expect([0, 55.5, 100].map(isValidScore)).toEqual([true, true, true]);
  });
});

describe('Authority by level and decision date', () => {
  it('should cap district at 3, province at 4, nation at 5 until 2025-06-30', () => {
    expect(['DISTRICT', 'PROVINCE', 'NATIONAL'].map((l) => maxStarsFor(l as never, '2025-06-30'))).toEqual([3, 4, 5]);
  });
  it('should let no district recognise products from 2025-07-01 (Decision 1489/QĐ-TTg)', () => {
    expect(maxStarsFor('DISTRICT', '2025-07-01')).toBeNull();
    expect(maxStarsFor('PROVINCE', '2025-07-01')).toBe(4);
  });
});

describe('Certificate validity', () => {
  it.each([
    ['2021-03-01', '2024-03-01', 'the same day of the month, 36 months later'],
    ['2020-02-29', '2023-02-28', '29 February into a common year: the last day of February'],
    ['2021-02-28', '2024-02-28', '28 February into a leap year: the same day, not the month end'],
    ['2024-02-29', '2027-02-28', '29 February of the year of Plan 180'],
    ['2021-05-31', '2024-05-31', 'a month end whose month has the day'],
    ['2022-08-31', '2025-08-31', 'the last day of August'],
    ['2021-12-31', '2024-12-31', 'the last day of a year'],
    ['2024-10-15', '2027-10-15', 'an ordinary day'],
  ])('should keep a certificate decided %s valid through %s (%s)', (decidedOn, lastDay) => {
    expect(certificateExpiresOn(decidedOn)).toBe(lastDay);
  });
  it('should be VALID through the last day, then EXPIRED', () => {
    const c = { issuedOn: '2021-03-01', expiresOn: certificateExpiresOn('2021-03-01') };
    expect(certificateStatusOn(c, '2024-03-01')).toBe('VALID');
    expect(certificateStatusOn(c, '2024-03-02')).toBe('EXPIRED');
  });
  it('should count a last day within `within` days of a day, both ends included', () => {
    expect(expiresWithin('2024-03-01', '2024-01-31', 30)).toBe(true);
    expect(expiresWithin('2024-03-02', '2024-01-31', 30)).toBe(false);
    expect(expiresWithin('2024-01-31', '2024-01-31', 0)).toBe(true);
    expect(expiresWithin('2024-01-30', '2024-01-31', 90)).toBe(false);
  });
  it('should count revocation and supersession from their decision dates', () => {
    const c = { issuedOn: '2024-10-15', expiresOn: '2027-10-14', revokedOn: '2025-01-10' };
    expect(certificateStatusOn(c, '2025-01-09')).toBe('VALID');
    expect(certificateStatusOn(c, '2025-01-10')).toBe('REVOKED');
    expect(certificateStatusOn({ ...c, revokedOn: undefined, supersededOn: '2025-02-01' }, '2025-03-01')).toBe(
      'SUPERSEDED',
    );
  });
});

describe('Business dates', () => {
  it('should reject impossible dates and clamp month arithmetic', () => {
    expect(['2024-02-29', '2023-02-29', '2024-13-01', '24-01-01'].map(isBusinessDate)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('should date decisions in Vietnam time (UTC+7)', () => {
    expect(vietnamDate(new Date('2024-03-21T17:30:00Z'))).toBe('2024-03-22');
  });
});
