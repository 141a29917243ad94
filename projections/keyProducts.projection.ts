import type { ReadonlyModels } from './views/models';
import type { KeyProductEvent } from '#src/domain/keyProduct/events';

import { type Projection, handles } from './projection';
import type { KeyProductView, KeyProductsState } from './views/keyProduct';

export type { KeyProductView, KeyProductsState } from './views/keyProduct';

export const keyProductsProjection: Projection<KeyProductsState, KeyProductEvent> = {
  name: 'keyProducts',
  canHandle: handles('KeyProductDesignated', 'KeyProductDesignationEnded'),
  initialState: () => new Map(),
  evolve(state, event) {
    const designations = state.get(event.data.productId) ?? [];
    if (event.type === 'KeyProductDesignated') {
      designations.push({ ...event.data, endedOn: null });
      state.set(event.data.productId, designations);
    } else {
      const current = designations.find((d) => d.level === event.data.level && d.endedOn === null);
      if (current) current.endedOn = event.data.endedOn;
    }
    return state;
  },
};

/** Whether a designation is in force on `day`: decided by then and not yet ended. */
export const inForce = (designation: KeyProductView, day: string): boolean =>
  designation.decidedOn <= day && (designation.endedOn === null || designation.endedOn > day);

/** The designations in force on `day` of products located in the province then, provincial ones first. */
export function keyProductsIn(
  models: ReadonlyModels,
  provinceCode: string,
  day: string,
  provinceOfProduct: (productId: string) => string | null,
): KeyProductView[] {
  const order = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as const;
  return [...models.keyProducts.values()]
    .flat()
    .filter((d) => inForce(d, day) && provinceOfProduct(d.productId) === provinceCode)
    .sort((a, b) => order[a.level] - order[b.level] || a.unitCode.localeCompare(b.unitCode));
}
