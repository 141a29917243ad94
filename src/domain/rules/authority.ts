import type { BusinessDate } from './businessDate';
import { REORGANISATION_DAY, isAfterReorganisation } from './reorganisation';
import type { Stars } from './starBands';

export type EvaluationLevel = 'DISTRICT' | 'PROVINCE' | 'NATIONAL';
export const EVALUATION_LEVELS: readonly EvaluationLevel[] = ['DISTRICT', 'PROVINCE', 'NATIONAL'];

/** A level that proposes: the commune committee (from 2025-07-01) proposes products and recognises nothing. */
export type ProposingLevel = 'COMMUNE' | EvaluationLevel;
/** The levels the API names: the councils', and the commune's, which only proposes. */
export const LEVELS_IN_SCHEMA: readonly ProposingLevel[] = ['COMMUNE', ...EVALUATION_LEVELS];

/**
 * The most stars each council level may recognise, effective-dated by the decision date
 * (not the recording date). Decision 1489/QĐ-TTg abolished district councils from 2025-07-01
 * and moved 3★ to the province. Kept as data so a later amendment is one more row.
 */
export const AUTHORITY_RULES: readonly {
  readonly from: BusinessDate;
  readonly source: string;
  readonly maxStars: Readonly<Record<EvaluationLevel, Stars | null>>;
}[] = [
  { from: '0000-01-01', source: '148/QĐ-TTg', maxStars: { DISTRICT: 3, PROVINCE: 4, NATIONAL: 5 } },
  { from: REORGANISATION_DAY, source: '1489/QĐ-TTg', maxStars: { DISTRICT: null, PROVINCE: 4, NATIONAL: 5 } },
];

/** The cap for a level on a decision date, or null when that level may not recognise products then. */
export function maxStarsFor(level: EvaluationLevel, decidedOn: BusinessDate): Stars | null {
  const rule = [...AUTHORITY_RULES].reverse().find((r) => r.from <= decidedOn) ?? AUTHORITY_RULES[0]!;
  return rule.maxStars[level];
}

/**
 * The level that decides a revocation: the one that recognised the product, except that a district's
 * certificates pass to the province with the districts themselves on the reorganisation day.
 */
export function revokingLevel(issuedBy: EvaluationLevel, decidedOn: BusinessDate): EvaluationLevel {
  return issuedBy === 'DISTRICT' && isAfterReorganisation(decidedOn) ? 'PROVINCE' : issuedBy;
}
