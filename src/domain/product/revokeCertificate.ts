import { IllegalStateError, NotFoundError } from '../../core/errors';
import { certificateStatusOn } from '../rules/certificateValidity';
import { REF_MAX, TEXT_MAX } from '../rules/limits';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { RevokeCertificate } from './commands';
import { type CertificateRevoked, REVOCATION_REASONS } from './events';
import { registeredProduct } from './guards';
import type { ProductState } from './state';

/** Only a certificate that is VALID on the decision date can be revoked, and only once. */
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
  if (status !== 'VALID') {
    throw new IllegalStateError(
      `Certificate ${certificate.certificateId} is ${status}, only a VALID one can be revoked`,
      {
        certificateId: certificate.certificateId,
        status,
      },
    );
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
      },
    },
  ];
}
