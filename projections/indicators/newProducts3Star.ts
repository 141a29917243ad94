import type { ProductView } from '../products.projection';
import { type YearScope, yearOf } from './yearScope';

/**
 * New products recognised in the year: products registered as NEW whose first certificate (3★ or
 * more) was decided in the year and had not been revoked by the day the year is judged on.
 */
export const newProducts3Star = {
  name: 'newProducts3Star',
  counts: 'products',
  matches(scope: YearScope, product: ProductView): boolean {
    const firstId = product.certificateIds[0];
    const first = firstId === undefined ? undefined : scope.models.certificates.get(firstId);
    return (
      product.registrationKind === 'NEW' &&
      first !== undefined &&
      yearOf(first.issuedOn) === scope.year &&
      !(first.revokedOn !== undefined && first.revokedOn <= scope.day)
    );
  },
} as const;
