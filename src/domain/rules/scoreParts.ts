import { ValidationError } from '../../core/errors';

/**
 * Decision 148/QĐ-TTg scores a product in three parts: A production and community strength,
 * B marketing and product story, C quality. Their maxima, and the three parts sum to the score.
 */
export interface ScoreParts {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const SCORE_PART_MAX: Readonly<ScoreParts> = { a: 40, b: 25, c: 35 };
export const SCORE_PART_NAMES = ['a', 'b', 'c'] as const;

/** Scores are given to two decimals at most; a sum within this of the score matches it. */
const SUM_TOLERANCE = 0.005;

/** The parts as given, checked: each within 0 and its maximum, together equal to the score. */
export function checkScoreParts(parts: ScoreParts, score: number): ScoreParts {
  for (const name of SCORE_PART_NAMES) {
    const value = parts[name];
    const max = SCORE_PART_MAX[name];
    if (!Number.isFinite(value) || value < 0 || value > max) {
      throw new ValidationError(`parts.${name} must be between 0 and ${max}`, { field: `parts.${name}` });
    }
  }
  const sum = parts.a + parts.b + parts.c;
  if (Math.abs(sum - score) > SUM_TOLERANCE) {
    throw new ValidationError(`parts a + b + c (${round(sum)}) must equal the score (${score})`, { field: 'parts' });
  }
  return { a: parts.a, b: parts.b, c: parts.c };
}

const round = (value: number): number => Math.round(value * 100) / 100;
