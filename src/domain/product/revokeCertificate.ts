import { IllegalStateError, NotFoundError } from '../../core/errors';
import { revokingLevel } from '../rules/authority';
import { certificateStatusOn } from '../rules/certificateValidity';
import { decidingAuthority } from '../rules/issuingAuthority';
import { REF_MAX, TEXT_MAX } from '../rules/limits';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { RevokeCertificate } from './commands';
import { type CertificateRevoked, REVOCATION_REASONS } from './events';
import { registeredProduct } from './guards';
import type { ProductState } from './state';

/**
 * A certificate VALID on the decision date can be revoked, and only once. One that EXPIRED without being
 * renewed can be revoked afterwards on that ground alone (EXPIRED_NOT_RENEWED), which is the only
 * ground that needs it expired: provinces clear lapsed certificates this way. The status reads REVOKED
 * from the decision date, so a report judged on an earlier day still sees what it saw.
 */
export function revokeCertificate(command: RevokeCertificate, state: ProductState): CertificateRevoked[] {
  const product = registeredProduct(state, command.productId);
  const certificate = product.certificates.find((c) => c.certificateId === command.certificateId);
  if (!certificate) {
    throw new NotFoundError(`Certificate ${command.certificateId} does not exist`, {
      certificateId: command.certificateId,
    });
  }
  const reason = requireOneOf('reason', command.reason, REVOCATION_REASONS);
  const details = requireText('details', command.details, TEXT_MAX, 'lines');
  const decisionNo = requireText('decisionNo', command.decisionNo, REF_MAX);
  const decidedOn = requirePastDate('decidedOn', command.decidedOn, command.today);
  requireNotBefore('decidedOn', decidedOn, certificate.issuedOn, 'the certificate issue date');
  const status =
    certificate.revokedOn !== undefined
      ? 'REVOKED'
      : certificate.supersededOn !== undefined
        ? 'SUPERSEDED'
        : certificateStatusOn(certificate, decidedOn);
  const lapsed = reason === 'EXPIRED_NOT_RENEWED';
  if (status !== (lapsed ? 'EXPIRED' : 'VALID')) {
    const expected = lapsed
      ? `only an EXPIRED one is revoked as ${reason}`
      : `only a VALID one can be revoked (an EXPIRED one, as EXPIRED_NOT_RENEWED)`;
    throw new IllegalStateError(`Certificate ${certificate.certificateId} is ${status} on ${decidedOn}, ${expected}`, {
      certificateId: certificate.certificateId,
      status,
    });
  }
  return [
    {
      type: 'CertificateRevoked',
      data: {
        productId: product.productId,
        certificateId: certificate.certificateId,
        reason,
        details,
        decisionNo,
        decidedOn,
        decidedBy: decidingAuthority(revokingLevel(certificate.level, decidedOn), product, decidedOn),
      },
    },
  ];
}
