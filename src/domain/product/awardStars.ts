import { IllegalStateError, ValidationError } from '../../core/errors';
import { EVALUATION_LEVELS, maxStarsFor } from '../rules/authority';
import { certificateExpiresOn } from '../rules/certificateValidity';
import { type EvaluationRuling, ruleOnEvaluation } from '../rules/evaluationOutcome';
import { type EvaluationPurpose, heldCertificate, purposeOn } from '../rules/evaluationPurpose';
import { decidingAuthority } from '../rules/issuingAuthority';
import { REF_MAX } from '../rules/limits';
import { checkScoreParts } from '../rules/scoreParts';
import { isValidScore, starsForScore } from '../rules/starBands';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { AwardStars } from './commands';
import { type CertificateIssued, type CertificateSuperseded, type ProductEvaluated, certificateIdFor } from './events';
import { registeredProduct } from './guards';
import { certificateToReplace } from './replacement';
import type { ProductState, RegisteredProduct } from './state';

type AwardEvent = ProductEvaluated | CertificateIssued | CertificateSuperseded;

/**
 * Records a council's result. The level and the decision date rule on the score
 * (rules/evaluationOutcome.ts): a certificate, a proposal to the next level, a return to the
 * district, or nothing. The purpose (given, or derived from what the product holds) decides what a
 * new 36-month certificate replaces (replacement.ts); a re-check issues nothing.
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
  const purpose = purposeOn(command.purpose, product.certificates, decidedOn);
  const ruling = rulingFor(purpose, product, level, command.score, decidedOn);
  const stars = ruling.certifiedStars;
  const replaced = stars === null ? null : certificateToReplace(product, purpose, stars, decidedOn);
  const evaluationNo = product.evaluationCount + 1;
  const certificateId = stars === null ? null : certificateIdFor(product.productId, product.certificates.length + 1);
  const scoreStars = starsForScore(command.score);
  const authority = decidingAuthority(level, product, decidedOn);
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
        purpose,
        decidedBy: authority,
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
      issuedBy: authority,
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
 * A re-check neither issues nor proposes: it confirms the certificate held when the score's band reaches
 * its stars, and otherwise finds the product below its level (the level then revokes it, or re-ranks it
 * by a RENEWAL). Every other purpose is ruled on by level and date alone.
 */
function rulingFor(
  purpose: EvaluationPurpose,
  product: RegisteredProduct,
  level: (typeof EVALUATION_LEVELS)[number],
  score: number,
  decidedOn: string,
): EvaluationRuling {
  if (purpose !== 'RECHECK') return ruleOnEvaluation(level, score, decidedOn);
  const held = heldCertificate(product.certificates, decidedOn);
  const meets = held !== null && score >= 50 && starsForScore(score) >= held.stars;
  return { outcome: meets ? 'CONFIRMED' : 'NOT_RECOGNISED', certifiedStars: null, proposedTo: null };
}
