import type { View } from './index';
import { statusOf } from './certificates.projection';
import type { ProductView } from './products.projection';
import type { SubjectView } from './subjects.projection';

/** Whether a period, open or closed, touches plan year `year`. */
export function overlapsYear(start: string, end: string | null, year: number): boolean {
  return start <= `${year}-12-31` && (end === null || end >= `${year}-01-01`);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

export function hasValidCertificate(view: View, product: ProductView): boolean {
  return product.certificateIds.some((id) => {
    const certificate = view.models.certificates.get(id);
    return certificate !== undefined && statusOf(certificate, view.day) === 'VALID';
  });
}

export function productsOf(view: View, subject: SubjectView): ProductView[] {
  return subject.productIds.flatMap((id) => view.models.products.get(id) ?? []);
}

/** Counts per district code; districts without a match are absent (read as 0). */
export function countByDistrict<T>(items: Iterable<T>, districtOf: (item: T) => string, matches: (item: T) => boolean) {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (matches(item)) counts.set(districtOf(item), (counts.get(districtOf(item)) ?? 0) + 1);
  }
  return counts;
}
