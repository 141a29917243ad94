import { type BusinessDate, addDays, addMonths } from './businessDate';

export const CERTIFICATE_VALIDITY_MONTHS = 36;

/** The last day a certificate is valid: 36 months from the recognition decision, that day excluded. */
export function certificateExpiresOn(decidedOn: BusinessDate): BusinessDate {
  return addDays(addMonths(decidedOn, CERTIFICATE_VALIDITY_MONTHS), -1);
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
