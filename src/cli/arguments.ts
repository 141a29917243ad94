import { InvalidArgumentError } from 'commander';
import { type GlobalPosition, parsePosition } from '../eventStore/eventStore';

/** Parses an option's value as a log position (`commit:prepare`, as `events` cursors and reports print it). */
export function positionArgument(text: string): GlobalPosition {
  const position = parsePosition(text);
  if (!position) throw new InvalidArgumentError('A position is a cursor such as "42:42".');
  return position;
}

/** Parses an option's value as a count of events (0 or more). */
export function countArgument(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(count))
    throw new InvalidArgumentError('It must be a whole number of events.');
  return count;
}
