import { applyEvent, createReadModels } from '../../../projections';
import { cloneModels, cloneModelsInSlices } from '../../../projections/cloneModels';
import { FairSlices } from '../../../src/core/fairSlices';
import { productRegistered, subjectRegistered } from '../../support/fixtures';

function someModels() {
  const models = createReadModels();
  for (let i = 0; i < 50; i++) {
    applyEvent(models, subjectRegistered({ subjectId: `htx-${i}`, name: `HTX ${i}` }));
    applyEvent(models, productRegistered({ productId: `sp-${i}`, subjectId: `htx-${i}`, name: `Sản phẩm ${i}` }));
  }
  return models;
}

describe('Copying the read models in slices', () => {
  it('should copy what the copy in one go copies, every read model included', async () => {
    const models = someModels();
    // A clock that has always spent the slice: every entry waits for its turn.
    let now = 0;
    const copy = await cloneModelsInSlices(models, new FairSlices(1, () => (now += 2)));

    expect(copy).toEqual(cloneModels(models));
    expect(Object.keys(copy)).toEqual(Object.keys(models));
  });

  it('should leave the models it copies untouched when the copy is extended', async () => {
    const models = someModels();
    const copy = await cloneModelsInSlices(models, new FairSlices());
    applyEvent(copy, subjectRegistered({ subjectId: 'htx-new', name: 'HTX mới' }));

    expect(copy.subjects.has('htx-new')).toBe(true);
    expect(models.subjects.has('htx-new')).toBe(false);
    expect(copy.foldedIds.subjects.size).toBe(models.foldedIds.subjects.size + 1);
  });
});
