import type { View } from '#projections/index';
import { BEFORE_THE_LOG, type HistoricModels } from '#projections/timeTravel';
import { parseCursor } from '../application/eventLog';
import { UnavailableError, ValidationError } from '../core/errors';
import { vietnamDate } from '../domain/rules/businessDate';
import { type GlobalPosition, formatPosition } from '../eventStore/eventStore';
import type { Services } from '../application/services';

/** What a query asks about: now (neither given), an instant, or a position of the log. */
export interface CutQuestion {
  readonly asOf?: Date | null;
  readonly atPosition?: string | null;
}

export const NOW: CutQuestion = {};

/** The cut of the log an answer comes from, resolved once per request and question. */
export interface Cut {
  /**
   * Names the question: `now`, `asOf:<instant>` or `at:<position>`. Output objects carry it as plain
   * data, so the fields below them answer from the same cut, and it keeps answers about the past apart
   * from answers about the present wherever an identity is built.
   */
  readonly key: string;
  /** The read models of the cut, with certificate statuses judged on its day in Vietnam. */
  readonly view: View;
  /**
   * Where a historic answer stops, for questions about the stored events themselves (a certificate's
   * history as of the same instant); null when the read models are the live ones.
   */
  readonly position: GlobalPosition | null;
}

export const NOW_KEY = 'now';

/**
 * The read models at `asOf` or `atPosition` (or now), with certificate statuses judged on that day in
 * Vietnam (for a position: the day its event was recorded).
 */
export async function resolveCut(services: Services, question: CutQuestion): Promise<Cut> {
  const { runner, timeTravel, clock } = services;
  if (runner.failure)
    throw new UnavailableError(`Read models stopped ${runner.failure.position}: ${runner.failure.message}`);
  const { asOf, atPosition } = question;
  if (atPosition) {
    if (asOf) throw new ValidationError('Give asOf or atPosition, not both', { field: 'atPosition' });
    const position = parseCursor(atPosition, 'atPosition');
    const at = await timeTravel.atPosition(position);
    const day = vietnamDate(at.lastRecordedAt ?? clock());
    return historic(services, `at:${formatPosition(position)}`, at, day);
  }
  if (asOf) return historic(services, `asOf:${asOf.toISOString()}`, await timeTravel.asOf(asOf), vietnamDate(asOf));
  return { key: NOW_KEY, view: { models: runner.models, day: vietnamDate(clock()) }, position: null };
}

function historic(services: Services, key: string, at: HistoricModels, day: string): Cut {
  // Time travel answers with the live models when nothing was recorded after the cut: no stop then.
  const live = at.models === services.runner.models;
  return { key, view: { models: at.models, day }, position: live ? null : (at.position ?? BEFORE_THE_LOG) };
}
