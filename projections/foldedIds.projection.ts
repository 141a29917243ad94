import type { ProductRegistered } from '#src/domain/product/events';
import { foldId } from '#src/domain/rules/ids';
import type { SubjectRegistered } from '#src/domain/subject/events';
import { type Projection, handles } from './projection';
import type { FoldedIdsState } from './views/foldedIds';

export type { FoldedIdsState } from './views/foldedIds';

export const foldedIdsProjection: Projection<FoldedIdsState, SubjectRegistered | ProductRegistered> = {
  name: 'foldedIds',
  canHandle: handles('SubjectRegistered', 'ProductRegistered'),
  initialState: () => ({ subjects: new Map(), products: new Map() }),
  evolve(state, event) {
    const [ids, id] =
      event.type === 'SubjectRegistered'
        ? [state.subjects, event.data.subjectId]
        : [state.products, event.data.productId];
    const key = foldId(id);
    if (!ids.has(key)) ids.set(key, id);
    return state;
  },
};
