import { IllegalStateError } from '../../core/errors';
import { certificateStatusOn } from '../rules/certificateValidity';
import { type EvaluationPurpose, heldCertificate } from '../rules/evaluationPurpose';
import type { CertificateState, RegisteredProduct } from './state';

/**
 * The certificate a new one of `stars` replaces on `decidedOn`, by the evaluation's purpose:
 * - RENEWAL: the certificate it renews (the one held), whatever its stars; one that already expired is
 *   replaced too, so its history reads "renewed" from the new decision on;
 * - FIRST and UPGRADE: the one valid on the decision date, provided the new one has at least as many
 *   stars (a higher one must be revoked, renewed, or expire).
 * A certificate never replaces a later-decided one.
 */
export function certificateToReplace(
  product: RegisteredProduct,
  purpose: EvaluationPurpose,
  stars: number,
  decidedOn: string,
): CertificateState | undefined {
  const latest = product.certificates.at(-1);
  if (latest && decidedOn < latest.issuedOn) {
    throw new IllegalStateError(`Certificate ${latest.certificateId} was decided later (${latest.issuedOn})`, {
      certificateId: latest.certificateId,
    });
  }
  if (purpose === 'RENEWAL') return heldCertificate(product.certificates, decidedOn) ?? undefined;
  const valid = product.certificates.filter((c) => certificateStatusOn(c, decidedOn) === 'VALID');
  const higher = valid.find((c) => c.stars > stars);
  if (higher) {
    throw new IllegalStateError(
      `Certificate ${higher.certificateId} (${higher.stars}★, valid through ${higher.expiresOn}) has more stars ` +
        `than this ${stars}★ ${purpose.toLowerCase()} result: an upgrade never lowers a valid certificate ` +
        '(re-evaluate it as a RENEWAL, revoke it, or record the result after it expires)',
      { certificateId: higher.certificateId },
    );
  }
  return valid.at(-1);
}
