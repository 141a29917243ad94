import { applyEvent, createReadModels, type View } from '../../../projections';
import { districtTargets } from '../../../projections/districtTargets.projection';
import { findProducts } from '../../../projections/products.projection';
import { productRegistered, subjectRegistered } from '../../support/fixtures';

/**
 * Shared answers are readonly in their types: the `@ts-expect-error` lines below make `tsc --noEmit`
 * (npm run typecheck) fail the day a view type lets a caller change a shared answer.
 */
describe('shared read-model answers', () => {
  const models = createReadModels();
  applyEvent(models, subjectRegistered());
  applyEvent(models, productRegistered());
  const view: View = { models, day: '2024-12-20' };

  it('should refuse, at compile time, a sort or a change of a remembered list', () => {
    const products = findProducts(view, {});
    const mutate = () => {
      // @ts-expect-error a shared list cannot be sorted in place
      products.sort();
      // @ts-expect-error nor can the views it holds be changed
      products[0]!.name = 'renamed';
      // @ts-expect-error nor the lists inside a view
      products[0]!.evaluations.push(products[0]!.evaluations[0]!);
      // @ts-expect-error nor the read models a view is built over
      view.models.products.clear();
    };
    expect(typeof mutate).toBe('function');
    expect(findProducts(view, {}).map((p) => p.name)).toEqual([productRegistered().data.name]);
  });

  it('should refuse, at compile time, a change to a remembered report', () => {
    const report = districtTargets(view, '06', 2024);
    const mutate = () => {
      // @ts-expect-error rows of a shared report cannot be reordered
      report.districts.reverse();
      // @ts-expect-error nor can its figures be changed
      report.total.newSubjects.actual = 0;
    };
    expect(typeof mutate).toBe('function');
    expect(report.districts).toHaveLength(8);
  });
});
