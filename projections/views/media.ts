import type { MediaLevel } from '#src/domain/rules/plan180Targets';

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
