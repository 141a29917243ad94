import type { BusinessDate } from '../businessDate';
import { LAST_DAY_OF_DISTRICTS } from '../reorganisation';
import type { AdministrativeUnit } from './referenceData';
import { communeAfterReorganisation, provinceOn, successorsOf, unitOn } from './units';

/** A unit that no longer exists on a day, and the units that carry on its territory then. */
export interface Abolished {
  readonly former: AdministrativeUnit;
  readonly successors: readonly AdministrativeUnit[];
}

/**
 * What became of a code that names nothing on `day` but named a unit on the last day before the 2025
 * reorganisation: a province's successor provinces, a district's province's successors, an old
 * commune's new commune. Null when the code names a unit on `day` (or never named one).
 */
export function abolishedOn(code: string, day: BusinessDate): Abolished | null {
  if (unitOn(code, day)) return null;
  const former = unitOn(code, LAST_DAY_OF_DISTRICTS);
  if (!former || day <= LAST_DAY_OF_DISTRICTS) return null;
  const known = (found: AdministrativeUnit | undefined): found is AdministrativeUnit => found !== undefined;
  if (former.level === 'COMMUNE') {
    const next = communeAfterReorganisation(code);
    return { former, successors: next ? [unitOn(next, day)].filter(known) : [] };
  }
  return {
    former,
    successors: successorsOf(former.provinceCode)
      .map((p) => provinceOn(p, day))
      .filter(known),
  };
}

/** "06 Bắc Kạn" and "19 Thái Nguyên" as a sentence says them. */
export const codeAndName = (unit: AdministrativeUnit): string => `${unit.code} ${unit.name}`;
