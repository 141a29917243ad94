import type { MediaEvent } from '#src/domain/media/events';
import type { MediaLevel } from '#src/domain/rules/plan180Targets';
import { type Projection, handles } from './projection';

export interface MediaItemView {
  readonly id: string;
  readonly provinceCode: string;
  readonly outlet: string;
  readonly outletLevel: MediaLevel;
  readonly title: string;
  readonly publishedOn: string;
  readonly url: string | null;
}

/** Media items by id, in log order. */
export type MediaState = Map<string, MediaItemView>;

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
