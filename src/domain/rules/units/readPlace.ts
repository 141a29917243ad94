import { ValidationError } from '../../../core/errors';
import type { BusinessDate } from '../businessDate';
import { LAST_DAY_OF_DISTRICTS, REORGANISATION_DAY } from '../reorganisation';
import type { AdministrativeUnit } from './referenceData';
import {
  communeAfterReorganisation,
  communeOn,
  daysOfProvinceIn,
  districtOn,
  provinceOn,
  successorsOf,
  unitsOf,
} from './units';

/**
 * Input checks for codes given on a date: each names what the code was on that day, or says why it
 * cannot be read there (BAD_USER_INPUT).
 */

/** The commune or ward `code` named on `day`; a code of the other code list is refused with what it became. */
export function requireCommune(field: string, code: string, day: BusinessDate): AdministrativeUnit {
  const commune = communeOn(code, day);
  if (commune) return commune;
  const successor = day >= REORGANISATION_DAY ? communeAfterReorganisation(code) : undefined;
  const old = successor ? communeOn(code, LAST_DAY_OF_DISTRICTS) : undefined;
  const hint =
    successor && old
      ? `: ${code} was ${old.name} until ${LAST_DAY_OF_DISTRICTS}, now part of ${successor} ${communeOn(successor, day)?.name ?? ''}`.trimEnd()
      : '';
  throw new ValidationError(`${field} ${code} names no commune or ward on ${day}${hint}`, { field });
}

/** The district `code` named on `day`; districts exist only until 2025-06-30. */
export function requireDistrict(field: string, code: string, day: BusinessDate): AdministrativeUnit {
  const district = districtOn(code, day);
  if (district) return district;
  const earlier = districtOn(code, LAST_DAY_OF_DISTRICTS);
  if (earlier && day >= REORGANISATION_DAY) {
    throw new ValidationError(
      `District ${code} ${earlier.name} was abolished after ${LAST_DAY_OF_DISTRICTS}: ` +
        `from ${REORGANISATION_DAY} give the commune or ward (communeCode) instead`,
      { field },
    );
  }
  throw new ValidationError(`Unknown district code ${code} on ${day}`, { field });
}

/**
 * Where a registration dated `day` is: from 2025-07-01 a commune or ward of today's provinces (a
 * district is refused, saying to give the commune); before, a district and, optionally, one of its
 * old communes.
 */
export function requireRegistrationPlace(
  districtCode: string | null | undefined,
  communeCode: string | null | undefined,
  day: BusinessDate,
): { districtCode: string | null; communeCode: string | null } {
  if (day >= REORGANISATION_DAY) {
    if (districtCode) requireDistrict('districtCode', districtCode, day);
    if (!communeCode) {
      throw new ValidationError(
        `A registration dated ${day} names its commune or ward (communeCode): districts were abolished after ${LAST_DAY_OF_DISTRICTS}`,
        { field: 'communeCode' },
      );
    }
    return { districtCode: null, communeCode: requireCommune('communeCode', communeCode, day).code };
  }
  if (!districtCode) {
    throw new ValidationError(`A registration dated ${day} names its district (districtCode)`, {
      field: 'districtCode',
    });
  }
  const district = requireDistrict('districtCode', districtCode, day);
  if (!communeCode) return { districtCode: district.code, communeCode: null };
  const commune = requireCommune('communeCode', communeCode, day);
  requireCommuneInDistrict(commune, district.code);
  return { districtCode: district.code, communeCode: commune.code };
}

export function requireCommuneInDistrict(commune: AdministrativeUnit, districtCode: string): void {
  if (commune.districtCode !== districtCode) {
    throw new ValidationError(
      `Commune ${commune.code} ${commune.name} is in district ${commune.districtCode}, not ${districtCode}`,
      { field: 'communeCode' },
    );
  }
}

/** The units directly below a province on `day`; a province that did not exist then is refused, naming its successor. */
export function requireUnitsOf(provinceCode: string, day: BusinessDate): AdministrativeUnit[] {
  if (provinceOn(provinceCode, day)) return unitsOf(provinceCode, day);
  const successors = day >= REORGANISATION_DAY ? successorsOf(provinceCode) : [];
  const hint = successors.length > 0 ? `: from ${REORGANISATION_DAY} its units are in ${successors.join(', ')}` : '';
  throw new ValidationError(`Province ${provinceCode} does not exist on ${day}${hint}`, { field: 'provinceCode' });
}

/** The provinces that carry on an abolished province's territory, with their names on `day`. */
function successorNames(provinceCode: string, day: BusinessDate): string {
  return successorsOf(provinceCode)
    .map((code) => `${code} ${provinceOn(code, day)?.name ?? ''}`.trimEnd())
    .join(', ');
}

/**
 * A province asked about a year it existed in (some day of it); otherwise refused, naming the province
 * that carries it on, so a year after the merger never answers an empty report silently.
 */
export function requireProvinceInYear(provinceCode: string, year: number, advice = '', field = 'provinceCode'): void {
  if (daysOfProvinceIn(provinceCode, year)) return;
  const former = provinceOn(provinceCode, `${year}-01-01`) ?? provinceOn(provinceCode, LAST_DAY_OF_DISTRICTS);
  const successors = successorNames(provinceCode, REORGANISATION_DAY);
  throw new ValidationError(
    successors
      ? `Province ${provinceCode} ${former?.name ?? ''} did not exist in ${year}: from ${REORGANISATION_DAY} its units are in ${successors}${advice}`
      : `Unknown province code ${provinceCode} in ${year}`,
    { field, ...(successors ? { successors: successorsOf(provinceCode) } : {}) },
  );
}

/** A province asked about on `day`; an abolished one is refused, naming its successor. */
export function requireProvinceOn(provinceCode: string, day: BusinessDate, field = 'provinceCode'): AdministrativeUnit {
  const province = provinceOn(provinceCode, day);
  if (province) return province;
  const successors = day >= REORGANISATION_DAY ? successorNames(provinceCode, day) : '';
  const former = provinceOn(provinceCode, LAST_DAY_OF_DISTRICTS);
  throw new ValidationError(
    successors
      ? `Province ${provinceCode} ${former?.name ?? ''} did not exist on ${day}: from ${REORGANISATION_DAY} its units are in ${successors}`
      : `Unknown province code ${provinceCode} on ${day}`,
    { field, ...(successors ? { successors: successorsOf(provinceCode) } : {}) },
  );
}
