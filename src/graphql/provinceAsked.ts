import { defaultProvince } from '../application/defaultProvince';
import { ValidationError } from '../core/errors';
import type { BusinessDate } from '../domain/rules/businessDate';
import { requireProvinceInYear } from '../domain/rules/units/readPlace';
import { successorsOf, unitOn } from '../domain/rules/units/units';
import { abolishedOn } from '../domain/rules/units/abolished';
import type { Actor } from '../application/metadata';

/**
 * The province of the caller's office on `day`: the province of its unit then, or, for an office of a
 * province that was merged away, the one province that carries it on. Null for a national office.
 */
export function callersProvince(actor: Actor | null, day: BusinessDate): string | null {
  if (!actor?.unit) return null;
  const unit = unitOn(actor.unit, day);
  if (unit) return unit.provinceCode;
  const provinces = new Set(abolishedOn(actor.unit, day)?.successors.map((successor) => successor.provinceCode));
  return provinces.size === 1 ? [...provinces][0]! : null;
}

/**
 * The province a question about a plan year means: the one given, else the caller's on the day asked,
 * else OCOP_DEFAULT_PROVINCE. There is no built-in province: without any, the question is refused; and a
 * province asked about a year after its end is refused naming its successor.
 */
export function provinceAsked(
  given: string | null | undefined,
  actor: Actor | null,
  day: BusinessDate,
  year: number,
): string {
  const provinceCode = given ?? callersProvince(actor, day) ?? defaultProvince();
  if (!provinceCode) {
    throw new ValidationError(
      'provinceCode is required: name the province (e.g. "19" Thái Nguyên), or set OCOP_DEFAULT_PROVINCE',
      { field: 'provinceCode' },
    );
  }
  // Other codes keep answering rows of nothing: the registry knows no other province's units before 2025.
  if (successorsOf(provinceCode).length > 0) requireProvinceInYear(provinceCode, year);
  return provinceCode;
}
