import { ForbiddenError } from '../core/errors';
import { findUnit } from '../domain/rules/administrativeUnits';
import type { EvaluationLevel } from '../domain/rules/authority';
import type { Actor, Role } from './metadata';

/** Commands that act inside one district: the district is the subject's (or the product's subject's). */
export type DistrictAction =
  | 'RegisterSubject'
  | 'RegisterProduct'
  | 'RecordLinkage'
  | 'RecordSupport'
  | 'RecordTraceability'
  | 'RecordQualityCertification'
  | 'RevokeCertificate';

/**
 * What a command asks to do, and where. `unitCode` is the district (or, for a plan, the province)
 * the command acts in; null when the target does not exist, in which case the command is judged by
 * role alone and the decider answers NOT_FOUND.
 */
export type CommandRequest =
  | { readonly action: DistrictAction; readonly unitCode: string | null }
  | { readonly action: 'AwardStars'; readonly level: EvaluationLevel; readonly unitCode: string | null }
  | { readonly action: 'AdoptPlan'; readonly unitCode: string };

const OFFICERS: readonly Role[] = ['DISTRICT_OFFICER', 'PROVINCIAL_OFFICER'];

/** Which roles may issue each command. AUDITOR and ANALYST read only, so they appear nowhere. */
export const GRANTS: Readonly<Record<DistrictAction | 'AdoptPlan', readonly Role[]>> = {
  RegisterSubject: OFFICERS,
  RegisterProduct: OFFICERS,
  RecordLinkage: OFFICERS,
  RecordSupport: OFFICERS,
  RecordTraceability: OFFICERS,
  RecordQualityCertification: OFFICERS,
  RevokeCertificate: ['PROVINCIAL_OFFICER'],
  // SYSTEM adopts Plan 180 at start-up (src/seedPlan.ts); tokens can never carry that role.
  AdoptPlan: ['PROVINCIAL_OFFICER', 'SYSTEM'],
};

/** Which roles may record a council's result at each level. */
export const EVALUATION_GRANTS: Readonly<Record<EvaluationLevel, readonly Role[]>> = {
  DISTRICT: OFFICERS,
  PROVINCE: ['PROVINCIAL_OFFICER'],
  NATIONAL: ['NATIONAL_COUNCIL'],
};

function rolesFor(request: CommandRequest): readonly Role[] {
  return request.action === 'AwardStars' ? EVALUATION_GRANTS[request.level] : GRANTS[request.action];
}

/** The code of the whole country, the national council's unit. */
export const COUNTRY = 'VN';

/** The level of unit each acting office works at; AUDITOR and ANALYST have no office that acts. */
const OFFICE_LEVEL: Partial<Record<Role, 'DISTRICT' | 'PROVINCE' | 'COUNTRY'>> = {
  DISTRICT_OFFICER: 'DISTRICT',
  PROVINCIAL_OFFICER: 'PROVINCE',
  NATIONAL_COUNCIL: 'COUNTRY',
};

/**
 * Whether the actor's office covers a unit: a district officer its own district, a provincial
 * officer its province and the districts whose parent it is, the national council (unit VN) the
 * whole country, the system everything. An office whose unit is of the wrong level (a district
 * officer of a province) covers nothing. A target unit the registry does not know is left to the
 * decider, which refuses it as input.
 */
export function covers(actor: Actor, unitCode: string): boolean {
  const target = findUnit(unitCode);
  if (!target || actor.role === 'SYSTEM') return true;
  const level = OFFICE_LEVEL[actor.role];
  const office = actor.unit === null ? undefined : findUnit(actor.unit);
  if (!level || actor.unit === null || (office && office.level !== level)) return false;
  switch (level) {
    case 'COUNTRY':
      return actor.unit === COUNTRY;
    case 'PROVINCE':
      return target.code === actor.unit || target.parentCode === actor.unit;
    case 'DISTRICT':
      return target.code === actor.unit && target.level === 'DISTRICT';
  }
}

/** A command's target as loaded from its stream: where it is once it exists. */
export type LoadedTarget =
  { readonly status: 'unregistered' } | { readonly status: 'registered'; readonly districtCode: string | null };

/**
 * The unit a loaded target is in, read from its own stream so that no input can claim another one.
 * Null when the target does not exist (the decider then answers NOT_FOUND).
 */
export function locationOf(target: LoadedTarget): string | null {
  return target.status === 'registered' ? target.districtCode : null;
}

/** Throws FORBIDDEN unless the actor's role may issue the command in the unit it acts in. */
export function authorize(actor: Actor, request: CommandRequest): void {
  const what = request.action === 'AwardStars' ? `AwardStars at ${request.level} level` : request.action;
  if (!rolesFor(request).includes(actor.role)) {
    throw new ForbiddenError(`${actor.role} may not ${what}`, { action: request.action });
  }
  if (request.unitCode !== null && !covers(actor, request.unitCode)) {
    throw new ForbiddenError(`${actor.role} of ${actor.unit ?? 'no unit'} may not ${what} in ${request.unitCode}`, {
      action: request.action,
    });
  }
}
