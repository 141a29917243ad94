import type { BusinessDate } from '../businessDate';
import { LAST_DAY_OF_DISTRICTS, REORGANISATION_DAY } from '../reorganisation';
import type { AdministrativeUnit } from './referenceData';
import { communeAfterReorganisation, communeOn, districtOn, provinceOn, successorsOf } from './units';

/** A commune a subject was recorded in, read in the code list of `on`, from that day. */
export interface CommuneRecord {
  readonly code: string;
  readonly on: BusinessDate;
}

/** Where something was recorded: the district it registered in (before 2025-07-01), and its communes. */
export interface Placement {
  readonly districtCode: string | null;
  readonly communes: readonly CommuneRecord[];
}

export interface Location {
  readonly province: AdministrativeUnit | null;
  readonly commune: AdministrativeUnit | null;
}

/**
 * The commune on `day`: the latest record dated on or before it (the later recorded of two on one
 * day), read in its own code list and, if that was the old list and `day` is later, followed to the
 * commune it became. Null when no record is that old.
 */
export function communeOnDay(placement: Placement, day: BusinessDate): AdministrativeUnit | null {
  let latest: CommuneRecord | undefined;
  for (const record of placement.communes) if (record.on <= day && (!latest || record.on >= latest.on)) latest = record;
  if (!latest) return null;
  const code =
    latest.on < REORGANISATION_DAY && day >= REORGANISATION_DAY ? communeAfterReorganisation(latest.code) : latest.code;
  return code === undefined ? null : (communeOn(code, day) ?? null);
}

/** The registered district, named as it was on its last day when `day` is later (districts end on 2025-06-30). */
export function registeredDistrict(placement: Placement, day: BusinessDate): AdministrativeUnit | null {
  if (placement.districtCode === null) return null;
  const asked = day < REORGANISATION_DAY ? day : LAST_DAY_OF_DISTRICTS;
  return districtOn(placement.districtCode, asked) ?? null;
}

/**
 * Where it is on `day`: its commune then (see `communeOnDay`) and the province of that commune; without
 * one, the province of its district then, or, after 2025-07-01, the one province that province became.
 */
export function locate(placement: Placement, day: BusinessDate): Location {
  const commune = communeOnDay(placement, day);
  if (commune) return { commune, province: provinceOn(commune.provinceCode, day) ?? null };
  const district = registeredDistrict(placement, day);
  if (!district) return { commune: null, province: null };
  if (day < REORGANISATION_DAY) return { commune: null, province: provinceOn(district.provinceCode, day) ?? null };
  const successors = successorsOf(district.provinceCode);
  const only = successors.length === 1 ? provinceOn(successors[0]!, day) : undefined;
  return { commune: null, province: only ?? null };
}

/** Where it is on `day`, or, when nothing places it that early (a commune recorded later), where it was first placed. */
export function locateOrFirst(placement: Placement, day: BusinessDate): Location {
  const here = locate(placement, day);
  if (here.province) return here;
  const first = placement.communes.map((c) => c.on).sort()[0];
  return first ? locate(placement, first) : here;
}
