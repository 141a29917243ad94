import type { IncomingHttpHeaders } from 'node:http';
import { type EventStore, formatPosition, parsePosition } from '../eventStore/eventStore';
import type { ProjectionRunner } from '#projections/runner';
import { projectionLag } from '../observability/projectionLag';
import { ErrorCode } from '../graphql/errors';

/** On a mutation's answer: the log position its commands reached. */
export const POSITION_HEADER = 'x-ocop-position';
/** On a request: answer only from read models that have applied this position. */
export const MIN_POSITION_HEADER = 'x-ocop-min-position';

export interface Refusal {
  readonly status: number;
  readonly body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

const refusal = (status: number, message: string, extensions: Record<string, unknown>): Refusal => ({
  status,
  body: { errors: [{ message, extensions }] },
});

/**
 * Read-your-writes across replicas: a request naming `x-ocop-min-position` waits (up to `waitMs`)
 * until this replica's read models have applied that position. Null when it may go ahead; otherwise
 * the answer to send: BAD_USER_INPUT for a malformed position, UNAVAILABLE with the lag when the
 * read models did not get there in time.
 */
export async function awaitMinPosition(
  headers: IncomingHttpHeaders,
  store: EventStore,
  runner: ProjectionRunner,
  waitMs: number,
): Promise<Refusal | null> {
  const given = headers[MIN_POSITION_HEADER];
  if (given === undefined) return null;
  const position = typeof given === 'string' ? parsePosition(given) : undefined;
  if (!position)
    return refusal(400, `${MIN_POSITION_HEADER} must be a log position such as 12:12`, {
      code: ErrorCode.BAD_USER_INPUT,
      field: MIN_POSITION_HEADER,
    });
  try {
    await runner.waitFor(position, waitMs);
    return null;
  } catch {
    const lag = await projectionLag(store, runner).catch(() => null);
    return refusal(503, `This replica's read models have not reached ${formatPosition(position)} yet; try again`, {
      code: ErrorCode.UNAVAILABLE,
      minPosition: formatPosition(position),
      appliedPosition: runner.position && formatPosition(runner.position),
      lag: lag && { events: lag.events, seconds: lag.seconds },
    });
  }
}
