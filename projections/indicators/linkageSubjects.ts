import type { SubjectView } from '../subjects.projection';
import { type YearScope, hasValidCertificate, overlapsYear, productsOf } from './yearScope';

/**
 * Subjects in production or consumption linkages: subjects with a product whose certificate is VALID
 * on the day the year is judged on, and a linkage active at some time in the year (one that ended
 * before the year does not count).
 */
export const linkageSubjects = {
  name: 'linkageSubjects',
  counts: 'subjects',
  matches(scope: YearScope, subject: SubjectView): boolean {
    return (
      subject.linkages.some((linkage) => overlapsYear(linkage.startedOn, linkage.endedOn, scope.year)) &&
      productsOf(scope, subject).some((product) => hasValidCertificate(scope, product))
    );
  },
} as const;
