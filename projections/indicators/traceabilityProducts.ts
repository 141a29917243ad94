import type { ProductView } from '../products.projection';
import { type YearScope, hasValidCertificate } from './yearScope';

/**
 * Products with traceability: products with a certificate VALID on the day the year is judged on
 * (31 December, or the day asked when earlier) and traceability enabled by that day.
 */
export const traceabilityProducts = {
  name: 'traceabilityProducts',
  counts: 'products',
  matches(scope: YearScope, product: ProductView): boolean {
    return product.traceability.some((t) => t.enabledOn <= scope.day) && hasValidCertificate(scope, product);
  },
} as const;
