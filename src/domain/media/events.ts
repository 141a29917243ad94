import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';
import type { MediaLevel } from '../rules/plan180Targets';

/** A news item, article or report on the province's OCOP programme (Plan 180, target 3). */
export type MediaCoverageRecorded = DomainEvent<
  'MediaCoverageRecorded',
  {
    itemId: string;
    provinceCode: string;
    outlet: string;
    outletLevel: MediaLevel;
    title: string;
    publishedOn: BusinessDate;
    url: string | null;
  }
>;

export type MediaEvent = MediaCoverageRecorded;

/** One stream per province: its items are few (a few dozen a year) and are counted together. */
export const mediaStreamId = (provinceCode: string): string => `ocop-media-${provinceCode}`;
