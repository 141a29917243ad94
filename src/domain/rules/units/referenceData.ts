import type { BusinessDate } from '../businessDate';
import bacKan from './reference/bac-kan-until-2025-06-30.json';
import mapping from './reference/commune-mapping-2025-07-01.json';
import current from './reference/units-from-2025-07-01.json';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** A unit as it was in one period: the same code may name another unit in the other period. */
export interface AdministrativeUnit {
  /** GSO code: 2 digits for a province, 3 for a district, 5 for a commune or ward. */
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  /** The province it lies in (a province's own code). */
  readonly provinceCode: string;
  /** The district an old commune lies in; null for provinces, districts and communes from 2025-07-01. */
  readonly districtCode: string | null;
}

/** One code list and the days it was in force (`until` inclusive, null while it still is). */
export interface CodeList {
  readonly from: BusinessDate | null;
  readonly until: BusinessDate | null;
  readonly byCode: ReadonlyMap<string, AdministrativeUnit>;
}

const unit = (
  code: string,
  name: string,
  level: UnitLevel,
  provinceCode: string,
  districtCode: string | null = null,
): AdministrativeUnit => ({ code, name, level, provinceCode, districtCode });

const [bacKanCode, bacKanName] = bacKan.province as [string, string];

/** Until 2025-06-30: Bắc Kạn, its districts and its communes (the only province of that time the registry knows). */
export const BEFORE_REORGANISATION: CodeList = {
  from: null,
  until: bacKan.until,
  byCode: new Map(
    [
      unit(bacKanCode, bacKanName, 'PROVINCE', bacKanCode),
      ...(bacKan.districts as [string, string][]).map(([code, name]) => unit(code, name, 'DISTRICT', bacKanCode)),
      ...(bacKan.communes as [string, string, string][]).map(([code, name, district]) =>
        unit(code, name, 'COMMUNE', bacKanCode, district),
      ),
    ].map((u) => [u.code, u]),
  ),
};

/** From 2025-07-01: the 34 provinces and their 3,321 communes and wards. */
export const FROM_REORGANISATION: CodeList = {
  from: current.from,
  until: null,
  byCode: new Map(
    [
      ...(current.provinces as [string, string][]).map(([code, name]) => unit(code, name, 'PROVINCE', code)),
      ...(current.communes as [string, string, string][]).map(([code, name, province]) =>
        unit(code, name, 'COMMUNE', province),
      ),
    ].map((u) => [u.code, u]),
  ),
};

/** Old commune code → the commune it became on 2025-07-01. */
export const NEW_COMMUNE_OF: ReadonlyMap<string, string> = new Map(mapping.rows as [string, string][]);

/** Province code → the provinces its territory went to on 2025-07-01. */
export const SUCCESSORS_OF: ReadonlyMap<string, readonly string[]> = new Map([[bacKanCode, bacKan.successors]]);
