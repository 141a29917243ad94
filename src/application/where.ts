import type { Placement } from '../domain/rules/units/placement';

/** Where and when a command acts: jurisdiction is read there, on that day. */
export interface Where {
  readonly placement: Placement;
  /** The decision, registration or event date the command carries: jurisdiction follows it. */
  readonly day: string;
}
