import { maxStarsFor } from '../../../src/domain/rules/authority';
import { addMonths, isBusinessDate, vietnamDate } from '../../../src/domain/rules/businessDate';
import { certificateExpiresOn, certificateStatusOn } from '../../../src/domain/rules/certificateValidity';
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
  it('should last 36 months from the decision, that day excluded', () => {
    expect(certificateExpiresOn('2024-10-15')).toBe('2027-10-14');
    expect(certificateExpiresOn('2024-02-29')).toBe('2027-02-27');
  });
  it('should be VALID until the last day, then EXPIRED', () => {
    const c = { issuedOn: '2024-10-15', expiresOn: '2027-10-14' };
    expect(certificateStatusOn(c, '2027-10-14')).toBe('VALID');
    expect(certificateStatusOn(c, '2027-10-15')).toBe('EXPIRED');
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
