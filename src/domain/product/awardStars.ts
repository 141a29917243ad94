import { IllegalStateError, ValidationError } from '../../core/errors';
import { EVALUATION_LEVELS, maxStarsFor } from '../rules/authority';
import { certificateExpiresOn, certificateStatusOn } from '../rules/certificateValidity';
import { ruleOnEvaluation } from '../rules/evaluationOutcome';
import { REF_MAX } from '../rules/limits';
import { checkScoreParts } from '../rules/scoreParts';
import { isValidScore, starsForScore } from '../rules/starBands';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { AwardStars } from './commands';
import { type CertificateIssued, type CertificateSuperseded, type ProductEvaluated, certificateIdFor } from './events';
import { registeredProduct } from './guards';
import type { CertificateState, ProductState, RegisteredProduct } from './state';

type AwardEvent = ProductEvaluated | CertificateIssued | CertificateSuperseded;

/**
 * Records a council's result. The level and the decision date rule on the score
 * (rules/evaluationOutcome.ts): a certificate, a proposal to the next level, a return to the
 * district, or nothing. A new certificate lasts 36 months and supersedes the one valid on its
 * decision date, provided it has at least as many stars.
 */
export function awardStars(command: AwardStars, state: ProductState): AwardEvent[] {
  const product = registeredProduct(state, command.productId);
  const level = requireOneOf('level', command.level, EVALUATION_LEVELS);
  if (!isValidScore(command.score)) throw new ValidationError('score must be between 0 and 100', { field: 'score' });
  const decisionNo = requireText('decisionNo', command.decisionNo, REF_MAX);
  const decidedOn = requirePastDate('decidedOn', command.decidedOn, command.today);
  const parts = command.parts ? checkScoreParts(command.parts, command.score, decidedOn) : null;
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
  const ruling = ruleOnEvaluation(level, command.score, decidedOn);
  const stars = ruling.certifiedStars;
  const replaced = stars === null ? null : certificateToReplace(product, stars, decidedOn);
  const evaluationNo = product.evaluationCount + 1;
  const certificateId = stars === null ? null : certificateIdFor(product.productId, product.certificates.length + 1);
  const scoreStars = starsForScore(command.score);
  const events: AwardEvent[] = [
    {
      type: 'ProductEvaluated',
      data: {
        productId: product.productId,
        evaluationNo,
        level,
        score: command.score,
        scoreStars,
        stars: Math.min(scoreStars, cap),
        outcome: ruling.outcome,
        proposedToHigherLevel: ruling.proposedTo !== null,
        parts,
        decisionNo,
        decidedOn,
        certificateId,
      },
    },
  ];
  if (certificateId === null || stars === null) return events;
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
      supersedes: replaced?.certificateId ?? null,
    },
  });
  if (replaced) {
    events.push({
      type: 'CertificateSuperseded',
      data: {
        productId: product.productId,
        certificateId: replaced.certificateId,
        supersededBy: certificateId,
        supersededOn: decidedOn,
      },
    });
  }
  return events;
}

/**
 * The certificate a new one of `stars` replaces: the one valid on the decision date. A certificate
 * never replaces a later-decided one, nor one with more stars (that one must be revoked, or expire).
 */
function certificateToReplace(
  product: RegisteredProduct,
  stars: number,
  decidedOn: string,
): CertificateState | undefined {
  const latest = product.certificates.at(-1);
  if (latest && decidedOn < latest.issuedOn) {
    throw new IllegalStateError(`Certificate ${latest.certificateId} was decided later (${latest.issuedOn})`, {
      certificateId: latest.certificateId,
    });
  }
  const valid = product.certificates.filter((c) => certificateStatusOn(c, decidedOn) === 'VALID');
  const higher = valid.find((c) => c.stars > stars);
  if (higher) {
    throw new IllegalStateError(
      `Certificate ${higher.certificateId} (${higher.stars}★, valid through ${higher.expiresOn}) has more stars ` +
        `than this ${stars}★ result: revoke it, or record the result after it expires`,
      { certificateId: higher.certificateId },
    );
  }
  return valid.at(-1);
}
