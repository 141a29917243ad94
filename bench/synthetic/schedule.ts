import type { Rng } from '../support/rng';
import { FIRST_DAY, FIRST_PLAN_YEAR, LAST_DAY, LAST_SUBJECT_DAY, type Scale } from './scale';

export type IntentKind =
  | 'registerSubject'
  | 'registerProduct'
  | 'evaluate'
  | 'qualityCertification'
  | 'traceability'
  | 'revoke'
  | 'linkage'
  | 'support'
  | 'adoptPlan';

/** Something that will happen on a day to an entity; the command is built when its day comes. */
export interface Intent {
  readonly day: number;
  readonly kind: IntentKind;
  /** Subject or product index, or the plan year. */
  readonly target: number;
}

const DAY_MS = 86_400_000;
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface Entities {
  /** Registration day of each subject. */
  readonly subjectDays: number[];
  /** Owning subject and registration day of each product. */
  readonly productSubjects: number[];
  readonly productDays: number[];
}

/** Draws every entity's life and spreads its activity over it, in day order. */
export function schedule(scale: Scale, rng: Rng): { entities: Entities; intents: Intent[] } {
  const first = dayNumber(FIRST_DAY);
  const last = dayNumber(LAST_DAY);
  const lastSubject = dayNumber(LAST_SUBJECT_DAY);
  const intents: Intent[] = [];
  const spread = (from: number, perYear: number, kind: IntentKind, target: number) => {
    const count = rng.poisson((perYear * (last - from + 1)) / 365);
    for (let i = 0; i < count; i++) intents.push({ day: rng.int(from, last), kind, target });
  };

  const subjectDays = Array.from({ length: scale.subjects }, () => rng.int(first, lastSubject));
  subjectDays.forEach((day, subject) => {
    intents.push({ day, kind: 'registerSubject', target: subject });
    // Activity starts the day after registration, so it never shares a day with it.
    spread(day + 1, scale.perSubjectYear.linkages, 'linkage', subject);
    spread(day + 1, scale.perSubjectYear.supports, 'support', subject);
  });

  const productSubjects: number[] = [];
  const productDays: number[] = [];
  for (let product = 0; product < scale.products; product++) {
    const subject = rng.int(0, scale.subjects - 1);
    const day = rng.int(subjectDays[subject]! + 1, last);
    productSubjects.push(subject);
    productDays.push(day);
    intents.push({ day, kind: 'registerProduct', target: product });
    const rates = scale.perProductYear;
    spread(day + 1, rates.evaluations, 'evaluate', product);
    spread(day + 1, rates.qualityCertifications, 'qualityCertification', product);
    spread(day + 1, rates.traceability, 'traceability', product);
    spread(day + 1, rates.revocations, 'revoke', product);
  }

  for (let year = FIRST_PLAN_YEAR; year <= Number(LAST_DAY.slice(0, 4)); year++) {
    intents.push({ day: dayNumber(`${year}-03-22`), kind: 'adoptPlan', target: year });
  }
  // Stable order within a day: registrations first, so a product never precedes its subject.
  const rank = (kind: IntentKind) => (kind === 'registerSubject' ? 0 : kind === 'registerProduct' ? 1 : 2);
  intents.sort((a, b) => a.day - b.day || rank(a.kind) - rank(b.kind));
  return { entities: { subjectDays, productSubjects, productDays }, intents };
}
