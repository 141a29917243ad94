import type { EvaluationLevel } from './authority';
import type { BusinessDate } from './businessDate';
import { LAST_DAY_OF_DISTRICTS, REORGANISATION_DAY } from './reorganisation';
import { type Placement, locateOrFirst } from './units/placement';
import { unitOn } from './units/units';

/** Who decided: the level and its unit on the decision date (null for the centre). */
export interface DecidingAuthority {
  readonly level: EvaluationLevel;
  readonly unitCode: string | null;
}

/**
 * The authority that decides at `level` for a place on `decidedOn`: the district it was registered in,
 * the province it lay in on that day (Bắc Kạn for a 2024 decision, even when Thái Nguyên's office
 * records it), or the centre. A certificate names its issuer as it was, whoever enters it later.
 */
export function decidingAuthority(
  level: EvaluationLevel,
  placement: Placement,
  decidedOn: BusinessDate,
): DecidingAuthority {
  switch (level) {
    case 'NATIONAL':
      return { level, unitCode: null };
    case 'DISTRICT':
      return { level, unitCode: placement.districtCode };
    default:
      return { level, unitCode: locateOrFirst(placement, decidedOn).province?.code ?? null };
  }
}

/** Provinces that are centrally run cities: their committee is "UBND thành phố …". */
const CITY_PROVINCES: ReadonlySet<string> = new Set(['01', '31', '46', '48', '79', '92']);

/** The day the Ministry of Agriculture and Rural Development merged into the Ministry of Agriculture and Environment. */
const MINISTRY_MERGED_ON: BusinessDate = '2025-03-01';

/**
 * The authority in words, as a decision names it: "UBND tỉnh Bắc Kạn", "UBND huyện Na Rì",
 * "UBND thành phố Bắc Kạn", or the ministry of the day for the centre.
 */
export function authorityName(authority: DecidingAuthority, decidedOn: BusinessDate): string {
  if (authority.level === 'NATIONAL' || authority.unitCode === null) {
    if (authority.level !== 'NATIONAL') return `UBND (${authority.level.toLowerCase()})`;
    return decidedOn < MINISTRY_MERGED_ON ? 'Bộ Nông nghiệp và Phát triển nông thôn' : 'Bộ Nông nghiệp và Môi trường';
  }
  const day = authority.level === 'DISTRICT' && decidedOn >= REORGANISATION_DAY ? LAST_DAY_OF_DISTRICTS : decidedOn;
  const unit = unitOn(authority.unitCode, day);
  if (!unit) return `UBND ${authority.unitCode}`;
  if (unit.level === 'DISTRICT') {
    return unit.name.startsWith('Thành phố ') ? `UBND thành phố ${unit.name.slice(10)}` : `UBND huyện ${unit.name}`;
  }
  return `UBND ${CITY_PROVINCES.has(unit.code) ? 'thành phố' : 'tỉnh'} ${unit.name}`;
}
