import type { BusinessDate } from '../businessDate';
import { REORGANISATION_DAY } from '../reorganisation';
import {
  type AdministrativeUnit,
  BEFORE_REORGANISATION,
  type CodeList,
  FROM_REORGANISATION,
  NEW_COMMUNE_OF,
  SUCCESSORS_OF,
  type UnitLevel,
} from './referenceData';

export type { AdministrativeUnit, UnitLevel };

/**
 * Administrative units read on a date. Codes are reused across the 2025 reorganisation (02185 was
 * Xã Quang Phong of Na Rì district until 2025-06-30 and is Xã Côn Minh from 2025-07-01), so every
 * lookup takes the day it is about: there is no lookup without one.
 */
export function codeListOn(day: BusinessDate): CodeList {
  return day < REORGANISATION_DAY ? BEFORE_REORGANISATION : FROM_REORGANISATION;
}

/** The unit a code named on `day`, named as it was then; undefined when the code named nothing then. */
export function unitOn(code: string, day: BusinessDate): AdministrativeUnit | undefined {
  return codeListOn(day).byCode.get(code);
}

const ofLevel = (level: UnitLevel) => (code: string, day: BusinessDate) => {
  const found = unitOn(code, day);
  return found?.level === level ? found : undefined;
};

export const provinceOn = ofLevel('PROVINCE');
export const districtOn = ofLevel('DISTRICT');
export const communeOn = ofLevel('COMMUNE');

/** The units directly below a province on `day`: its districts before 2025-07-01, its communes and wards after. */
export function unitsOf(provinceCode: string, day: BusinessDate): AdministrativeUnit[] {
  const level: UnitLevel = day < REORGANISATION_DAY ? 'DISTRICT' : 'COMMUNE';
  return unitsAt(provinceCode, level, day);
}

/** The units of one level in a province on `day` (the province itself for PROVINCE), in code order. */
export function unitsAt(provinceCode: string, level: UnitLevel, day: BusinessDate): AdministrativeUnit[] {
  return [...codeListOn(day).byCode.values()]
    .filter((u) => u.level === level && u.provinceCode === provinceCode)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Whether a unit with this code lies in (or is) the province on `day`. */
export function isIn(code: string, provinceCode: string, day: BusinessDate): boolean {
  return unitOn(code, day)?.provinceCode === provinceCode;
}

/** The commune an old commune (read before 2025-07-01) became on 2025-07-01. */
export function communeAfterReorganisation(oldCommuneCode: string): string | undefined {
  return NEW_COMMUNE_OF.get(oldCommuneCode);
}

/**
 * The districts whose old communes went into a commune of 2025-07-01 (Xã Côn Minh 02185: Na Rì 066;
 * 01849: Thành phố Bắc Kạn 058 and Bạch Thông 063). Empty for a commune no old commune the registry
 * knows went into.
 */
export function formerDistrictsOf(communeCode: string): readonly string[] {
  const districts = new Set<string>();
  for (const [old, now] of NEW_COMMUNE_OF) {
    const district = now === communeCode ? BEFORE_REORGANISATION.byCode.get(old)?.districtCode : null;
    if (district) districts.add(district);
  }
  return [...districts].sort();
}

/** The provinces a province's territory went to on 2025-07-01 (Bắc Kạn 06 → Thái Nguyên 19); empty if none known. */
export function successorsOf(provinceCode: string): readonly string[] {
  return SUCCESSORS_OF.get(provinceCode) ?? [];
}

/** The first and last days of a year on which the province existed, or null when it existed on none. */
export function daysOfProvinceIn(
  provinceCode: string,
  year: number,
): { first: BusinessDate; last: BusinessDate } | null {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const inForce = (day: BusinessDate) => provinceOn(provinceCode, day) !== undefined;
  const reorganisedThatYear = start < REORGANISATION_DAY && REORGANISATION_DAY <= end;
  const lastOld = BEFORE_REORGANISATION.until!;
  const first = inForce(start) ? start : reorganisedThatYear && inForce(REORGANISATION_DAY) ? REORGANISATION_DAY : null;
  const last = inForce(end) ? end : reorganisedThatYear && inForce(lastOld) ? lastOld : null;
  return first && last ? { first, last } : null;
}

/**
 * Codes any period knew, for checking an input's form before its date is read: the provinces of both
 * periods and Bắc Kạn's districts. Whether a code names a unit on a day is `unitOn`'s to say.
 */
export const ALL_PROVINCE_CODES: readonly string[] = [
  ...new Set(
    [...BEFORE_REORGANISATION.byCode.values(), ...FROM_REORGANISATION.byCode.values()]
      .filter((u) => u.level === 'PROVINCE')
      .map((u) => u.code),
  ),
].sort();
export const BAC_KAN_DISTRICT_CODES: readonly string[] = [...BEFORE_REORGANISATION.byCode.values()]
  .filter((u) => u.level === 'DISTRICT')
  .map((u) => u.code);

/** The level a code's form gives (2 digits a province, 3 a district, 5 a commune), the same in every period. */
export function levelOfCode(code: string): UnitLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return ({ 2: 'PROVINCE', 3: 'DISTRICT', 5: 'COMMUNE' } as const)[code.length as 2 | 3 | 5];
}

/** The most units directly below one province in any period: how many rows a report by unit can have. */
export const MOST_UNITS_IN_A_PROVINCE: number = Math.max(
  ...[BEFORE_REORGANISATION, FROM_REORGANISATION].map((list) => {
    const counts = new Map<string, number>();
    for (const unit of list.byCode.values())
      if (unit.level !== 'PROVINCE') {
        const key = `${unit.provinceCode} ${unit.level}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    return Math.max(0, ...counts.values());
  }),
);
