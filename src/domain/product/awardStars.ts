import { IllegalStateError, ValidationError } from '../../core/errors';
import { EVALUATION_LEVELS, maxStarsFor } from '../rules/authority';
import { certificateExpiresOn, certificateStatusOn } from '../rules/certificateValidity';
import { MIN_CERTIFIED_STARS, isValidScore, starsForScore } from '../rules/starBands';
import { REF_MAX } from '../rules/limits';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { AwardStars } from './commands';
import { type CertificateIssued, type CertificateSuperseded, type ProductEvaluated, certificateIdFor } from './events';
import { registeredProduct } from './guards';
import type { ProductState } from './state';

/**
 * Records a council's result. The score's band gives the stars, capped at what the level may
 * recognise on the decision date; a capped result is proposed to the next level. Three stars or
 * more issue a 36-month certificate that supersedes the product's certificate still valid that day.
 */
export function awardStars(
  command: AwardStars,
  state: ProductState,
): (ProductEvaluated | CertificateIssued | CertificateSuperseded)[] {
  const product = registeredProduct(state, command.productId);
  const level = requireOneOf('level', command.level, EVALUATION_LEVELS);
  if (!isValidScore(command.score)) throw new ValidationError('score must be between 0 and 100', { field: 'score' });
  const decisionNo = requireText('decisionNo', command.decisionNo, REF_MAX);
  const decidedOn = requirePastDate('decidedOn', command.decidedOn, command.today);
  requireNotBefore('decidedOn', decidedOn, product.registeredOn, 'the product registration');
  if (product.evaluationDecisions.has(decisionNo)) {
    throw new IllegalStateError(`Decision ${decisionNo} is already recorded for product ${product.productId}`, {
      decisionNo,
    });
  }
  const cap = maxStarsFor(level, decidedOn);
  if (cap === null) {
    throw new ValidationError(`A ${level} council may not recognise products on ${decidedOn}`, { field: 'level' });
  }
  const latest = product.certificates[product.certificates.length - 1];
  const scoreStars = starsForScore(command.score);
  const stars = Math.min(scoreStars, cap);
  const evaluationNo = product.evaluationCount + 1;
  const certified = stars >= MIN_CERTIFIED_STARS;
  if (certified && latest && decidedOn < latest.issuedOn) {
    throw new IllegalStateError(`Certificate ${latest.certificateId} was decided later (${latest.issuedOn})`, {
      certificateId: latest.certificateId,
    });
  }
  const certificateId = certified ? certificateIdFor(product.productId, product.certificates.length + 1) : null;
  const events: (ProductEvaluated | CertificateIssued | CertificateSuperseded)[] = [
    {
      type: 'ProductEvaluated',
      data: {
        productId: product.productId,
        evaluationNo,
        level,
        score: command.score,
        scoreStars,
        stars,
        proposedToHigherLevel: scoreStars > cap,
        decisionNo,
        decidedOn,
        certificateId,
      },
    },
  ];
  if (certificateId === null) return events;
  const superseded = latest && certificateStatusOn(latest, decidedOn) === 'VALID' ? latest.certificateId : null;
  events.push({
    type: 'CertificateIssued',
    data: {
      productId: product.productId,
      certificateId,
      evaluationNo,
      stars,
      level,
      decisionNo,
      issuedOn: decidedOn,
      expiresOn: certificateExpiresOn(decidedOn),
      supersedes: superseded,
    },
  });
  if (superseded) {
    events.push({
      type: 'CertificateSuperseded',
      data: {
        productId: product.productId,
        certificateId: superseded,
        supersededBy: certificateId,
        supersededOn: decidedOn,
      },
    });
  }
  return events;
}
