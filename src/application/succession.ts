import { REORGANISATION_DAY } from '../domain/rules/reorganisation';
import { locate, locateOrFirst } from '../domain/rules/units/placement';
import { successorsOf } from '../domain/rules/units/units';
import type { Where } from './where';
import type { Actor } from './metadata';

/**
 * Whether a provincial office acts for an abolished province's past: the command is dated before the
 * 2025 reorganisation, the place lay then in a province whose territory went to the actor's province
 * (Bắc Kạn 06 → Thái Nguyên 19), and it lies in the actor's province today. Thái Nguyên's office
 * completes Bắc Kạn's records this way; the event still names the authority of the decision date.
 */
export function actsAsSuccessor(actor: Actor, where: Where, today: string | undefined): boolean {
  if (actor.role !== 'PROVINCIAL_OFFICER' || actor.unit === null || where.day >= REORGANISATION_DAY) return false;
  const then = locateOrFirst(where.placement, where.day).province;
  if (!then || then.code === actor.unit || !successorsOf(then.code).includes(actor.unit)) return false;
  const now = today !== undefined && today > REORGANISATION_DAY ? today : REORGANISATION_DAY;
  return locate(where.placement, now).province?.code === actor.unit;
}
