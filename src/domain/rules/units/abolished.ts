import { ValidationError } from '../../../core/errors';
import type { BusinessDate } from '../businessDate';
import { LAST_DAY_OF_DISTRICTS, REORGANISATION_DAY } from '../reorganisation';
import { provinceOn, successorsOf } from './units';

/**
 * A province code asked about a day: refused, naming the successor, when the province had been
 * abolished by then (06 asked about 2026 → "its units are in 19 Thái Nguyên"), so that a list by
 * province never answers empty for a code that no longer names anything. Other codes pass: an unknown
 * one simply matches nothing.
 */
export function requireProvinceInForce(provinceCode: string, day: BusinessDate, field = 'provinceCode'): void {
  if (provinceOn(provinceCode, day) !== undefined) return;
  const successors = successorsOf(provinceCode);
  if (successors.length === 0 || day < REORGANISATION_DAY) return;
  const former = provinceOn(provinceCode, LAST_DAY_OF_DISTRICTS);
  const named = successors.map((code) => `${code} ${provinceOn(code, day)?.name ?? ''}`.trim()).join(', ');
  throw new ValidationError(
    `Province ${provinceCode} ${former?.name ?? ''} was abolished after ${LAST_DAY_OF_DISTRICTS}: on ${day} its units are in ${named}; ask for ${successors.join(', ')}`,
    { field },
  );
}
