import type { GraphQLField } from 'graphql';
import type { ReadModels } from '#projections/index';
import type { ProjectionRunner } from '#projections/runner';
import { longestArrays } from '#projections/lazyEntries';
import { rulesOf } from '../../graphql/fieldRules';

/**
 * How many items a list field may hold, for the cost of a query that selects it; `version`, when
 * given, changes whenever any weight may have, so a cost computed with the same version still holds.
 */
export type ListWeight = ((parent: string, field: GraphQLField<unknown, unknown>) => number) & {
  readonly version?: () => number;
};

/**
 * Lists weighed as if they held at least this many items, so that a small registry does not let
 * through a document that the same registry refuses once it has grown.
 */
export const MINIMUM_LIST_WEIGHT = 5;

/** A list nobody measured or declared: weighed like a full page. */
export const UNDECLARED_LIST_WEIGHT = 100;

type Measured = Record<string, number>;

type ProductOf = ReadModels['products'] extends Map<string, infer P> ? P : never;
type SubjectOf = ReadModels['subjects'] extends Map<string, infer S> ? S : never;
type ListFieldOf<T> = { [F in keyof T]: T[F] extends readonly unknown[] ? F : never }[keyof T] & string;

/** The nested lists of a product and of a subject: the coordinate that returns each, and its field. */
const PRODUCT_LISTS = {
  'Product.evaluations': 'evaluations',
  'Product.certificates': 'certificateIds',
  'Product.traceability': 'traceability',
  'Product.qualityCertifications': 'qualityCertifications',
} as const satisfies Record<string, ListFieldOf<ProductOf>>;
const SUBJECT_LISTS = {
  'Subject.products': 'productIds',
  'Subject.linkages': 'linkages',
  'Subject.supports': 'supports',
} as const satisfies Record<string, ListFieldOf<SubjectOf>>;

/** Raises `longest` to `entry`'s lists; whether any was raised. */
function record<T>(longest: Measured, lists: Record<string, ListFieldOf<T>>, entry: T): boolean {
  let raised = false;
  for (const [coordinate, field] of Object.entries(lists)) {
    const length = (entry[field] as readonly unknown[]).length;
    if (length > (longest[coordinate] ?? 0)) [longest[coordinate], raised] = [length, true];
  }
  return raised;
}

/**
 * The longest of each nested list in the read models now (lists only grow, so the past holds no longer
 * ones), without decoding entries a snapshot restored and nothing has read yet (lazyEntries.ts).
 */
export function measureLists(models: ReadModels): Measured {
  const longest: Measured = {};
  const products = longestArrays(models.products);
  const subjects = longestArrays(models.subjects);
  for (const [coordinate, field] of Object.entries(PRODUCT_LISTS)) longest[coordinate] = products[field] ?? 0;
  for (const [coordinate, field] of Object.entries(SUBJECT_LISTS)) longest[coordinate] = subjects[field] ?? 0;
  return longest;
}

/**
 * Weighs nested lists by their real maximum in the live read models, kept exact as events apply: once
 * in full for each models object the runner holds (at start, after a rebuild), then, after each event,
 * only the product or subject it touched. Lists only grow, so a maximum never has to be lowered, and
 * an operation costed right after a write sees the lists that write lengthened.
 */
export function liveListWeights(runner: ProjectionRunner): ListWeight & { detach(): void } {
  let measuredFor: ReadModels | null = null;
  let longest: Measured = {};
  let version = 0;
  const current = (): Measured => {
    if (measuredFor !== runner.models) {
      measuredFor = runner.models;
      longest = measureLists(runner.models);
      version++;
    }
    return longest;
  };
  const detach = runner.onEvent((event, models) => {
    if (models !== measuredFor) return; // measured in full when next asked
    const data = event.data as { productId?: unknown; subjectId?: unknown };
    const product = typeof data.productId === 'string' ? models.products.get(data.productId) : undefined;
    if (product && record(longest, PRODUCT_LISTS, product)) version++;
    const subject = typeof data.subjectId === 'string' ? models.subjects.get(data.subjectId) : undefined;
    if (subject && record(longest, SUBJECT_LISTS, subject)) version++;
  });
  // Measured lists first; otherwise what the field declares (`@Rules({ maxItems })`).
  const weight: ListWeight = (parent, field) => {
    const length = current()[`${parent}.${field.name}`] ?? rulesOf(field).maxItems;
    if (length === undefined) return UNDECLARED_LIST_WEIGHT;
    return Math.max(length, MINIMUM_LIST_WEIGHT);
  };
  const versionNow = () => {
    current();
    return version;
  };
  return Object.assign(weight, { version: versionNow, detach: () => void detach() });
}
