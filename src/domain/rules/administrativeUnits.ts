import type { BusinessDate } from './businessDate';
import { LAST_DAY_OF_DISTRICTS } from './reorganisation';

export type UnitLevel = 'PROVINCE' | 'DISTRICT';

export interface AdministrativeUnit {
  /** GSO code, e.g. '06' for Bắc Kạn, '066' for Na Rì. */
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode?: string;
  /** Last day the unit existed; absent while it still does. */
  readonly abolishedAfter?: BusinessDate;
}

/** District-level units were abolished by the 2025 reorganisation. */
const DISTRICTS_ABOLISHED_AFTER = LAST_DAY_OF_DISTRICTS;

/** The units of Plan 180/KH-UBND (Bắc Kạn, 2024), with the codes and names in force then. */
export const ADMINISTRATIVE_UNITS: readonly AdministrativeUnit[] = [
  { code: '06', name: 'Bắc Kạn', level: 'PROVINCE', abolishedAfter: DISTRICTS_ABOLISHED_AFTER },
  ...(
    [
      ['058', 'Thành phố Bắc Kạn'],
      ['060', 'Pác Nặm'],
      ['061', 'Ba Bể'],
      ['062', 'Ngân Sơn'],
      ['063', 'Bạch Thông'],
      ['064', 'Chợ Đồn'],
      ['065', 'Chợ Mới'],
      ['066', 'Na Rì'],
    ] as const
  ).map(([code, name]): AdministrativeUnit => ({
    code,
    name,
    level: 'DISTRICT',
    parentCode: '06',
    abolishedAfter: DISTRICTS_ABOLISHED_AFTER,
  })),
];

const BY_CODE = new Map(ADMINISTRATIVE_UNITS.map((unit) => [unit.code, unit]));

export function findUnit(code: string): AdministrativeUnit | undefined {
  return BY_CODE.get(code);
}

export function findProvince(code: string): AdministrativeUnit | undefined {
  const unit = BY_CODE.get(code);
  return unit?.level === 'PROVINCE' ? unit : undefined;
}

export function findDistrict(code: string): AdministrativeUnit | undefined {
  const unit = BY_CODE.get(code);
  return unit?.level === 'DISTRICT' ? unit : undefined;
}

export function districtsOf(provinceCode: string): AdministrativeUnit[] {
  return ADMINISTRATIVE_UNITS.filter((unit) => unit.level === 'DISTRICT' && unit.parentCode === provinceCode);
}

export function isInForceOn(unit: AdministrativeUnit, day: BusinessDate): boolean {
  return unit.abolishedAfter === undefined || day <= unit.abolishedAfter;
}
