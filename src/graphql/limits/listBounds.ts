import type { ReadModels } from '../../../projections';

/** How many items a list field (`Type.field`) may hold, for the cost of a query that selects it. */
export type ListWeight = (coordinate: string) => number;

/**
 * Lists weighed as if they held at least this many items, so that a small registry does not let
 * through a document that the same registry refuses once it has grown.
 */
export const MINIMUM_LIST_WEIGHT = 5;

/** Lists that are neither paged nor measured below: what they hold is bounded by the domain. */
const DECLARED: Readonly<Record<string, number>> = {
  // The events of one certificate's stream: issue, supersession, revocation, and the evaluation.
  'Certificate.history': 10,
  // One stream's events, for auditors; a product's stream grows with its evaluations.
  'Query.auditTrail': 200,
  'Query.revocations': 200,
  // Rows per administrative unit of a province.
  'Plan.targets': 50,
  'DistrictTargetsReport.districts': 50,
  'QualityManagementReport.districts': 50,
  'AuditVerification.gaps': 20,
};

/** A list nobody measured or declared: weighed like a full page. */
export const UNDECLARED_LIST_WEIGHT = 100;

type Measured = Record<string, number>;

const MEASURED = [
  'Product.evaluations',
  'Product.certificates',
  'Product.traceability',
  'Product.qualityCertifications',
  'Subject.products',
  'Subject.linkages',
  'Subject.supports',
] as const;

/** The longest of each nested list in the read models now (lists only grow, so the past holds no longer ones). */
export function measureLists(models: ReadModels): Measured {
  const longest: Measured = Object.fromEntries(MEASURED.map((coordinate) => [coordinate, 0]));
  const record = (coordinate: string, length: number) => {
    if (length > (longest[coordinate] ?? 0)) longest[coordinate] = length;
  };
  for (const product of models.products.values()) {
    record('Product.evaluations', product.evaluations.length);
    record('Product.certificates', product.certificateIds.length);
    record('Product.traceability', product.traceability.length);
    record('Product.qualityCertifications', product.qualityCertifications.length);
  }
  for (const subject of models.subjects.values()) {
    record('Subject.products', subject.productIds.length);
    record('Subject.linkages', subject.linkages.length);
    record('Subject.supports', subject.supports.length);
  }
  return longest;
}

/**
 * Weighs nested lists by their real maximum in the live read models, measured again at most once per
 * `refreshMs` (a whole pass over the entities; between passes a list can grow only by the few
 * items written meanwhile).
 */
export function liveListWeights(models: () => ReadModels, refreshMs = 1000, now = Date.now): ListWeight {
  let measured: Measured = {};
  let measuredAt = -Infinity;
  return (coordinate) => {
    if (now() - measuredAt >= refreshMs) {
      measured = measureLists(models());
      measuredAt = now();
    }
    const length = measured[coordinate] ?? DECLARED[coordinate];
    if (length === undefined) return UNDECLARED_LIST_WEIGHT;
    return Math.max(length, MINIMUM_LIST_WEIGHT);
  };
}
