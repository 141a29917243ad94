import type { MediaEvent } from './events';

export type MediaState = { readonly itemIds: ReadonlySet<string> };

export const initialMediaState = (): MediaState => ({ itemIds: new Set() });

export const evolveMedia = (state: MediaState, event: MediaEvent): MediaState => ({
  itemIds: new Set([...state.itemIds, event.data.itemId]),
});
