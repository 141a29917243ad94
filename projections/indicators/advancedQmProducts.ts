import type { ProductView } from '../products.projection';
import { type YearScope, hasValidCertificate, overlapsYear } from './yearScope';

/**
 * Products under advanced quality management: products with a certificate VALID on the day the year
 * is judged on and a quality certification (ISO 22000, HACCP, VietGAP, …) valid at some time in the
 * year (one that lapsed before the year does not count).
 */
export const advancedQmProducts = {
  name: 'advancedQmProducts',
  counts: 'products',
  matches(scope: YearScope, product: ProductView): boolean {
    return (
      product.qualityCertifications.some((q) => overlapsYear(q.issuedOn, q.validUntil, scope.year)) &&
      hasValidCertificate(scope, product)
    );
  },
} as const;
