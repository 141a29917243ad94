import { ValidationError } from '../../core/errors';
import { type BusinessDate, addDays } from './businessDate';
import { type CertificateLifecycle, certificateStatusOn } from './certificateValidity';

/**
 * Why a product is evaluated:
 * - FIRST: it holds no certificate;
 * - UPGRADE: it holds a valid certificate and seeks more stars (never fewer while that one is valid);
 * - RENEWAL: re-evaluation (đánh giá lại) of the certificate it holds, near or after its last day; a
 *   recognised result replaces that certificate, with the new result's stars, fewer included;
 * - RECHECK: a check of a certified product during its term (kiểm tra, giám sát); it confirms the
 *   certificate or finds the product below its level, and issues nothing by itself.
 */
export type EvaluationPurpose = 'FIRST' | 'UPGRADE' | 'RENEWAL' | 'RECHECK';
export const EVALUATION_PURPOSES: readonly EvaluationPurpose[] = ['FIRST', 'UPGRADE', 'RENEWAL', 'RECHECK'];

/** A certificate whose last day is this close after a decision (or already past) is being renewed by it. */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * The certificate a re-evaluation on `day` concerns: the product's newest, unless it was revoked by
 * then (a revoked certificate is not renewed: the product starts again). Certificates in issue order.
 */
export function heldCertificate<C extends CertificateLifecycle>(
  certificates: readonly C[],
  day: BusinessDate,
): C | null {
  const newest = certificates.filter((c) => c.issuedOn <= day).at(-1);
  if (!newest || (newest.revokedOn !== undefined && newest.revokedOn <= day)) return null;
  return newest;
}

/** The purpose when none is given: FIRST without a held certificate, RENEWAL within 90 days of its end or after, else UPGRADE. */
export function derivePurpose(certificates: readonly CertificateLifecycle[], day: BusinessDate): EvaluationPurpose {
  const held = heldCertificate(certificates, day);
  if (!held) return 'FIRST';
  return held.expiresOn <= addDays(day, RENEWAL_WINDOW_DAYS) ? 'RENEWAL' : 'UPGRADE';
}

/**
 * The purpose given, checked against what the product holds on `day`, or the derived one. FIRST needs
 * no held certificate; the others need one, and RECHECK one that is VALID on the day.
 */
export function purposeOn(
  given: EvaluationPurpose | null | undefined,
  certificates: readonly CertificateLifecycle[],
  day: BusinessDate,
): EvaluationPurpose {
  if (!given) return derivePurpose(certificates, day);
  if (!EVALUATION_PURPOSES.includes(given)) {
    throw new ValidationError(`purpose must be one of ${EVALUATION_PURPOSES.join(', ')}`, { field: 'purpose' });
  }
  const held = heldCertificate(certificates, day);
  if (given === 'FIRST' && held) {
    throw new ValidationError(`The product holds a certificate on ${day}: purpose FIRST is for one that holds none`, {
      field: 'purpose',
    });
  }
  if (given !== 'FIRST' && !held) {
    throw new ValidationError(`The product holds no certificate on ${day} to ${given.toLowerCase()}`, {
      field: 'purpose',
    });
  }
  if (given === 'RECHECK' && held && certificateStatusOn(held, day) !== 'VALID') {
    throw new ValidationError(`A RECHECK is made during a certificate's term; it is not VALID on ${day}`, {
      field: 'purpose',
    });
  }
  return given;
}
