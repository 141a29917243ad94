import { type BusinessDate, addDays, addMonths } from './businessDate';

export const CERTIFICATE_VALIDITY_MONTHS = 36;

/**
 * The last day a certificate is valid, counted as the Civil Code (2015, art. 147–148) counts a term
 * in months: it starts the day after the decision and ends at the end of the same day of the month
 * 36 months later, or of that month's last day when it has no such day (decided 2021-03-01 → valid
 * through 2024-03-01; decided 2020-02-29 → through 2023-02-28).
 */
export function certificateExpiresOn(decidedOn: BusinessDate): BusinessDate {
  return addMonths(decidedOn, CERTIFICATE_VALIDITY_MONTHS);
}

/** The longest look-ahead for certificates nearing expiry: a whole term and a little more. */
export const EXPIRY_WINDOW_MAX_DAYS = 1100;

/** Whether a certificate's last valid day falls within `within` days from `on`, `on` included. */
export function expiresWithin(expiresOn: BusinessDate, on: BusinessDate, within: number): boolean {
  return expiresOn >= on && expiresOn <= addDays(on, within);
}

export type CertificateStatus = 'VALID' | 'EXPIRED' | 'REVOKED' | 'SUPERSEDED';
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['VALID', 'EXPIRED', 'REVOKED', 'SUPERSEDED'];

export interface CertificateLifecycle {
  readonly issuedOn: BusinessDate;
  readonly expiresOn: BusinessDate;
  readonly revokedOn?: BusinessDate;
  readonly supersededOn?: BusinessDate;
}

/**
 * The status on a given day. Revocation and supersession count from their decision dates,
 * so a report for an earlier day still sees the certificate as it then was.
 */
export function certificateStatusOn(certificate: CertificateLifecycle, day: BusinessDate): CertificateStatus {
  if (certificate.revokedOn !== undefined && certificate.revokedOn <= day) return 'REVOKED';
  if (certificate.supersededOn !== undefined && certificate.supersededOn <= day) return 'SUPERSEDED';
  if (day > certificate.expiresOn) return 'EXPIRED';
  return 'VALID';
}
