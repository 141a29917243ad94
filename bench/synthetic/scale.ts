/**
 * The data sets. Rates are per entity and per year of its life, tuned so the nation over a decade
 * comes to about a million events; the province has the same shape at 1/200 of the size, and the
 * region at 1/8: over 100,000 events, small enough to replay fifteen times at once.
 */
export interface Scale {
  readonly name: 'province' | 'region' | 'nation';
  readonly subjects: number;
  readonly products: number;
  readonly perSubjectYear: { readonly linkages: number; readonly supports: number };
  readonly perProductYear: {
    readonly evaluations: number;
    readonly qualityCertifications: number;
    readonly traceability: number;
    readonly revocations: number;
  };
}

const RATES = {
  perSubjectYear: { linkages: 4.7, supports: 4.7 },
  perProductYear: { evaluations: 3.35, qualityCertifications: 2.9, traceability: 1.35, revocations: 0.045 },
} as const;

export const SCALES: Record<Scale['name'], Scale> = {
  province: { name: 'province', subjects: 43, products: 80, ...RATES },
  region: { name: 'region', subjects: 1_100, products: 2_100, ...RATES },
  nation: { name: 'nation', subjects: 8_500, products: 16_000, ...RATES },
};

/** The decade the log covers (business dates). Subjects register while districts still exist. */
export const FIRST_DAY = '2016-01-01';
export const LAST_DAY = '2025-12-31';
export const LAST_SUBJECT_DAY = '2025-06-30';
export const FIRST_PLAN_YEAR = 2018;
