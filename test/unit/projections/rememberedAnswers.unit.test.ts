import { applyEvent, createReadModels, type View } from '../../../projections';
import { districtTargets } from '../../../projections/districtTargets.projection';
import { findProducts } from '../../../projections/products.projection';
import { cloneModels } from '../../../projections/cloneModels';
import { productRegistered, subjectRegistered } from '../../support/fixtures';

const certificateIssued = (productId: string) =>
  ({
    type: 'CertificateIssued',
    data: {
      productId,
      certificateId: `${productId}.C1`,
      evaluationNo: 1,
      stars: 3,
      level: 'DISTRICT',
      decisionNo: `${productId}/QĐ-UBND`,
      issuedOn: '2024-10-15',
      expiresOn: '2027-10-14',
      supersedes: null,
    },
  }) as const;

describe('answers remembered between events', () => {
  const newProducts = (view: View) => districtTargets(view, '06', 2024).total.newProducts3Star.actual;

  it('should answer again after an event changes the models', () => {
    const models = createReadModels();
    const view = { models, day: '2024-12-20' };
    applyEvent(models, subjectRegistered());
    applyEvent(models, productRegistered());
    expect(newProducts(view)).toBe(0);
    expect(findProducts(view, { districtCode: '066' })).toHaveLength(1);

    applyEvent(models, certificateIssued('mien-dong'));
    applyEvent(models, productRegistered({ productId: 'mat-ong', name: 'Mật ong' }));

    expect(newProducts(view)).toBe(1);
    expect(findProducts(view, { districtCode: '066' }).map((p) => p.id)).toEqual(['mien-dong', 'mat-ong']);
  });

  it('should answer the same question asked again with the same answer', () => {
    const models = createReadModels();
    applyEvent(models, subjectRegistered());
    applyEvent(models, productRegistered());
    const view = { models, day: '2024-12-20' };
    expect(findProducts(view, {})).toBe(findProducts({ models, day: '2024-12-20' }, {}));
  });

  it('should keep answers apart for another day, another question and a copy of the models', () => {
    const models = createReadModels();
    applyEvent(models, subjectRegistered());
    applyEvent(models, productRegistered());
    applyEvent(models, certificateIssued('mien-dong'));
    const copy = cloneModels(models);
    applyEvent(copy, productRegistered({ productId: 'mat-ong', name: 'Mật ong' }));

    expect(findProducts({ models, day: '2024-12-20' }, { stars: 3 })).toHaveLength(1);
    expect(findProducts({ models, day: '2028-01-01' }, { stars: 3 })).toHaveLength(0); // expired by then
    expect(findProducts({ models, day: '2024-12-20' }, { search: 'mat ong' })).toHaveLength(0);
    expect(findProducts({ models: copy, day: '2024-12-20' }, { search: 'mat ong' })).toHaveLength(1);
  });
});
