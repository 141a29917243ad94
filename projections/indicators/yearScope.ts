import type { ReadonlyModels } from '../views/models';
import { statusOf } from '../certificates.projection';
import type { ProductView } from '../products.projection';
import type { SubjectView } from '../subjects.projection';

/**
 * What an indicator of plan year `year` is judged with: the read models, and the day certificate
 * statuses are judged on, which is 31 December of the year, or the day asked when that is earlier
 * (so a past year's numbers do not change when its certificates later expire).
 */
export interface YearScope {
  readonly models: ReadonlyModels;
  readonly year: number;
  readonly day: string;
}

/** The scope of plan year `year` for a question asked on `askedDay`. */
export function yearScope(models: ReadonlyModels, year: number, askedDay: string): YearScope {
  const lastDay = `${year}-12-31`;
  return { models, year, day: askedDay < lastDay ? askedDay : lastDay };
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Whether a period, open or closed, touches the year. */
export function overlapsYear(start: string, end: string | null, year: number): boolean {
  return start <= `${year}-12-31` && (end === null || end >= `${year}-01-01`);
}

export function hasValidCertificate(scope: YearScope, product: ProductView): boolean {
  return product.certificateIds.some((id) => {
    const certificate = scope.models.certificates.get(id);
    return certificate !== undefined && statusOf(certificate, scope.day) === 'VALID';
  });
}

export function productsOf(scope: YearScope, subject: SubjectView): ProductView[] {
  return subject.productIds.flatMap((id) => scope.models.products.get(id) ?? []);
}

/** An indicator counts products or subjects; each one is counted once, in the unit of its subject. */
export type Indicator =
  | { readonly name: string; readonly counts: 'products'; matches(scope: YearScope, product: ProductView): boolean }
  | { readonly name: string; readonly counts: 'subjects'; matches(scope: YearScope, subject: SubjectView): boolean };
