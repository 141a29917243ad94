import type { Decider } from '../../core/decider';
import { IllegalStateError } from '../../core/errors';
import { NAME_MAX, TEXT_MAX } from '../rules/limits';
import { optionalLink, requireProvinceOn } from '../rules/place';
import { MEDIA_LEVELS } from '../rules/plan180Targets';
import { requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { MediaCommand, RecordMediaCoverage } from './commands';
import type { MediaCoverageRecorded, MediaEvent } from './events';
import { type MediaState, evolveMedia, initialMediaState } from './state';

/** The province is read on the publication day: 06 Bắc Kạn until 2025-06-30, 19 Thái Nguyên after. */
export function recordMediaCoverage(command: RecordMediaCoverage, state: MediaState): MediaCoverageRecorded[] {
  if (state.itemIds.has(command.itemId)) {
    throw new IllegalStateError(`Media item ${command.itemId} is already recorded`, { itemId: command.itemId });
  }
  const publishedOn = requirePastDate('publishedOn', command.publishedOn, command.today);
  const province = requireProvinceOn('provinceCode', command.provinceCode, publishedOn);
  return [
    {
      type: 'MediaCoverageRecorded',
      data: {
        itemId: command.itemId,
        provinceCode: province.code,
        outlet: requireText('outlet', command.outlet, NAME_MAX),
        outletLevel: requireOneOf('outletLevel', command.outletLevel, MEDIA_LEVELS),
        title: requireText('title', command.title, TEXT_MAX),
        publishedOn,
        url: optionalLink('url', command.url),
      },
    },
  ];
}

export const mediaDecider: Decider<MediaState, MediaCommand, MediaEvent> = {
  initialState: initialMediaState,
  evolve: evolveMedia,
  decide: recordMediaCoverage,
};
