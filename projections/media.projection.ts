import type { MediaEvent } from '#src/domain/media/events';

import { type Projection, handles } from './projection';
import type { MediaState } from './views/media';

export type { MediaItemView, MediaState } from './views/media';

export const mediaProjection: Projection<MediaState, MediaEvent> = {
  name: 'media',
  canHandle: handles('MediaCoverageRecorded'),
  initialState: () => new Map(),
  evolve(state, event) {
    const { itemId, ...item } = event.data;
    state.set(itemId, { id: itemId, ...item });
    return state;
  },
};
