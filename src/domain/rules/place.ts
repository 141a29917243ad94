import { ValidationError } from '../../core/errors';
import type { BusinessDate } from './businessDate';
import type { AdministrativeUnit } from './units/referenceData';
import {
  requireProvinceInYear as provinceInYearOrRefused,
  requireProvinceOn as provinceOnOrRefused,
} from './units/readPlace';

/** The province `code` named on `day`; one that had ended by then is refused, naming its successor. */
export const requireProvinceOn = (field: string, code: string, day: BusinessDate): AdministrativeUnit =>
  provinceOnOrRefused(code, day, field);

const LINK_MAX = 2000;

/** An optional web address: http or https, at most 2000 characters. */
export function optionalLink(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const link = value.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(link);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || link.length > LINK_MAX) {
    throw new ValidationError(`${field} must be an http or https address of at most ${LINK_MAX} characters`, {
      field,
    });
  }
  return link;
}

/** A province that existed on some day of `year`; one that did not is refused, naming its successor. */
export const requireProvinceInYear = (field: string, code: string, year: number): void =>
  provinceInYearOrRefused(code, year, '', field);
