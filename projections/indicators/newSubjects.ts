import type { SubjectView } from '../subjects.projection';
import { type YearScope, productsOf, yearOf } from './yearScope';

/** New subjects: subjects registered in the year with at least one product also registered in the year. */
export const newSubjects = {
  name: 'newSubjects',
  counts: 'subjects',
  matches(scope: YearScope, subject: SubjectView): boolean {
    return (
      yearOf(subject.registeredOn) === scope.year &&
      productsOf(scope, subject).some((product) => yearOf(product.registeredOn) === scope.year)
    );
  },
} as const;
