import type { EvaluationLevel } from './authority';
import type { BusinessDate } from './businessDate';
import { isAfterReorganisation } from './reorganisation';
import type { Stars } from './starBands';

/**
 * What a council's result means at its level (Plan 180 §3.6.1–3.6.2, Decisions 148 and 1489):
 * - RECOGNISED: this level issues a certificate;
 * - PROPOSED: the score is in a band above what this level may recognise, so it goes to the next
 *   level and no certificate is issued here;
 * - RETURNED: a province below 70 before the reorganisation; the district issues the 3★ decision on it;
 * - NOT_RECOGNISED: below 50, or the centre below 90 (the product keeps what it holds);
 * - CONFIRMED: a re-check found the product still at the level of its certificate, which stands.
 */
export type EvaluationOutcome = 'RECOGNISED' | 'PROPOSED' | 'RETURNED' | 'NOT_RECOGNISED' | 'CONFIRMED';
export const EVALUATION_OUTCOMES: readonly EvaluationOutcome[] = [
  'RECOGNISED',
  'PROPOSED',
  'RETURNED',
  'NOT_RECOGNISED',
  'CONFIRMED',
];

export interface EvaluationRuling {
  readonly outcome: EvaluationOutcome;
  /** The stars of the certificate this level issues; null when it issues none. */
  readonly certifiedStars: Stars | null;
  /** The level the product is proposed to, when the result goes up; null otherwise. */
  readonly proposedTo: EvaluationLevel | null;
}

const ruling = (
  outcome: EvaluationOutcome,
  certifiedStars: Stars | null = null,
  proposedTo: EvaluationLevel | null = null,
): EvaluationRuling => ({ outcome, certifiedStars, proposedTo });

/** The next level up, which a proposal goes to. */
export const NEXT_LEVEL: Readonly<Record<EvaluationLevel, EvaluationLevel | null>> = {
  DISTRICT: 'PROVINCE',
  PROVINCE: 'NATIONAL',
  NATIONAL: null,
};

/**
 * The ruling on a score at a level, by the decision date. A district's result may only be decided
 * before the reorganisation (authority.ts refuses the rest before this is asked).
 */
export function ruleOnEvaluation(level: EvaluationLevel, score: number, decidedOn: BusinessDate): EvaluationRuling {
  if (score < 50) return ruling('NOT_RECOGNISED');
  switch (level) {
    case 'DISTRICT':
      return score >= 70 ? ruling('PROPOSED', null, 'PROVINCE') : ruling('RECOGNISED', 3);
    case 'PROVINCE':
      if (score >= 90) return ruling('RECOGNISED', 4, 'NATIONAL');
      if (score >= 70) return ruling('RECOGNISED', 4);
      return isAfterReorganisation(decidedOn) ? ruling('RECOGNISED', 3) : ruling('RETURNED');
    case 'NATIONAL':
      return score >= 90 ? ruling('RECOGNISED', 5) : ruling('NOT_RECOGNISED');
  }
}
