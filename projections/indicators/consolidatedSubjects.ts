import type { SubjectView } from '../subjects.projection';
import { type YearScope, productsOf, yearOf } from './yearScope';

/**
 * Existing OCOP subjects consolidated in the year: subjects with a product certified before the
 * year that received support of the CONSOLIDATION programme in the year (other programmes do not count).
 */
export const consolidatedSubjects = {
  name: 'consolidatedSubjects',
  counts: 'subjects',
  matches(scope: YearScope, subject: SubjectView): boolean {
    const certifiedBefore = productsOf(scope, subject).some((product) =>
      product.certificateIds.some((id) => yearOf(scope.models.certificates.get(id)?.issuedOn ?? '9999') < scope.year),
    );
    return (
      certifiedBefore &&
      subject.supports.some(
        (support) => support.programme === 'CONSOLIDATION' && yearOf(support.providedOn) === scope.year,
      )
    );
  },
} as const;
