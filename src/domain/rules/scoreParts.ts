import { ValidationError } from '../../core/errors';
import type { BusinessDate } from './businessDate';

/**
 * A council scores a product in three parts: A production and community strength, B marketing and
 * product story, C quality. Their maxima follow the criteria in force on the decision date, and the
 * three parts sum to the score.
 */
export interface ScoreParts {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/**
 * The criteria by the day they came into force, oldest first: Decision 1048/QĐ-TTg (21/08/2019) and
 * Decision 148/QĐ-TTg (24/02/2023, in force when signed). Kept as data so a later set is one more row.
 */
export const SCORE_PART_RULES: readonly {
  readonly from: BusinessDate;
  readonly source: string;
  readonly max: Readonly<ScoreParts>;
}[] = [
  { from: '0000-01-01', source: '1048/QĐ-TTg', max: { a: 35, b: 25, c: 40 } },
  { from: '2023-02-24', source: '148/QĐ-TTg', max: { a: 40, b: 25, c: 35 } },
];

/** The criteria in force on a decision date. */
export function scorePartRuleOn(decidedOn: BusinessDate): (typeof SCORE_PART_RULES)[number] {
  return [...SCORE_PART_RULES].reverse().find((r) => r.from <= decidedOn) ?? SCORE_PART_RULES[0]!;
}

/** The largest each part may be under any criteria: what an input can be checked against before its date is read. */
export const SCORE_PART_MAX_EVER: Readonly<ScoreParts> = {
  a: Math.max(...SCORE_PART_RULES.map((r) => r.max.a)),
  b: Math.max(...SCORE_PART_RULES.map((r) => r.max.b)),
  c: Math.max(...SCORE_PART_RULES.map((r) => r.max.c)),
};

export const SCORE_PART_NAMES = ['a', 'b', 'c'] as const;

/** Scores are given to two decimals at most; a sum within this of the score matches it. */
const SUM_TOLERANCE = 0.005;

/**
 * The parts as given, checked against the criteria of the decision date: each within 0 and its
 * maximum then, together equal to the score.
 */
export function checkScoreParts(parts: ScoreParts, score: number, decidedOn: BusinessDate): ScoreParts {
  const rule = scorePartRuleOn(decidedOn);
  for (const name of SCORE_PART_NAMES) {
    const value = parts[name];
    const max = rule.max[name];
    if (!Number.isFinite(value) || value < 0 || value > max) {
      throw new ValidationError(
        `parts.${name} must be between 0 and ${max} (Decision ${rule.source}, on ${decidedOn})`,
        {
          field: `parts.${name}`,
        },
      );
    }
  }
  const sum = parts.a + parts.b + parts.c;
  if (Math.abs(sum - score) > SUM_TOLERANCE) {
    throw new ValidationError(`parts a + b + c (${round(sum)}) must equal the score (${score})`, { field: 'parts' });
  }
  return { a: parts.a, b: parts.b, c: parts.c };
}

const round = (value: number): number => Math.round(value * 100) / 100;
