import { ForbiddenError } from '../core/errors';
import { type EvaluationLevel, revokingLevel } from '../domain/rules/authority';
import { isBusinessDate } from '../domain/rules/businessDate';
import type { KeyProductLevel } from '../domain/rules/plan180Targets';
import { REORGANISATION_DAY } from '../domain/rules/reorganisation';
import { type CommuneRecord, locateOrFirst } from '../domain/rules/units/placement';
import { communeOn, districtOn, provinceOn } from '../domain/rules/units/units';
import { actsAsSuccessor } from './succession';
import type { Where } from './where';
import type { Actor, Role } from './metadata';

/** Commands that act where a subject is (for a product, where its subject was when it was registered). */
export type LocalAction =
  | 'RegisterSubject'
  | 'RecordSubjectCommune'
  | 'RegisterProduct'
  | 'RecordLinkage'
  | 'RecordSupport'
  | 'RecordTraceability'
  | 'RecordQualityCertification'
  | 'RegisterSalesPoint'
  | 'CloseSalesPoint'
  | 'ProposeProduct'
  | 'ReturnProposal';

/** Commands a province's office records for the whole province. */
export type ProvinceAction = 'AdoptPlan' | 'RecordMediaCoverage';

/** Where a command acts: a placement (district, communes) read on the command's own date. */
export type { Where } from './where';

/**
 * What a command asks to do, and where. `where` is null when the target does not exist, in which
 * case the command is judged by role alone and the decider answers NOT_FOUND.
 */
export type CommandRequest =
  | { readonly action: LocalAction; readonly where: Where | null }
  | { readonly action: 'AwardStars'; readonly level: EvaluationLevel; readonly where: Where | null }
  | {
      readonly action: 'RevokeCertificate';
      /** The level that recognised the certificate; null when it does not exist (NOT_FOUND follows). */
      readonly issuedBy: EvaluationLevel | null;
      readonly where: Where | null;
    }
  | {
      readonly action: 'DesignateKeyProduct' | 'EndKeyProduct';
      readonly level: KeyProductLevel;
      readonly where: Where | null;
    }
  | { readonly action: ProvinceAction; readonly provinceCode: string; readonly day: string };

const OFFICERS: readonly Role[] = ['COMMUNE_OFFICER', 'DISTRICT_OFFICER', 'PROVINCIAL_OFFICER'];

/** Which roles may issue each command. AUDITOR and ANALYST read only, so they appear nowhere. */
export const GRANTS: Readonly<Record<LocalAction | 'AdoptPlan', readonly Role[]>> = {
  RegisterSubject: OFFICERS,
  RecordSubjectCommune: OFFICERS,
  RegisterProduct: OFFICERS,
  RecordLinkage: OFFICERS,
  RecordSupport: OFFICERS,
  RecordTraceability: OFFICERS,
  RecordQualityCertification: OFFICERS,
  RegisterSalesPoint: OFFICERS,
  CloseSalesPoint: OFFICERS,
  // A commune proposes its products to the province (Decision 1489); the province may enter it for the commune.
  ProposeProduct: ['COMMUNE_OFFICER', 'PROVINCIAL_OFFICER'],
  // The level a commune proposes to (the province) sends an incomplete dossier back.
  ReturnProposal: ['PROVINCIAL_OFFICER'],
  // SYSTEM adopts Plan 180 at start-up (src/application/seedPlan.ts); tokens can never carry that role.
  AdoptPlan: ['PROVINCIAL_OFFICER', 'SYSTEM'],
};

/** Which roles may record a council's result at each level. */
export const EVALUATION_GRANTS: Readonly<Record<EvaluationLevel, readonly Role[]>> = {
  DISTRICT: ['DISTRICT_OFFICER', 'PROVINCIAL_OFFICER'],
  PROVINCE: ['PROVINCIAL_OFFICER'],
  NATIONAL: ['NATIONAL_COUNCIL'],
};

/**
 * Which roles decide a revocation, by the level that decides it (rules/authority.ts `revokingLevel`:
 * the recognising level, the province for a district's certificate from the reorganisation day).
 */
export const REVOCATION_GRANTS: Readonly<Record<EvaluationLevel, readonly Role[]>> = {
  DISTRICT: ['DISTRICT_OFFICER'],
  PROVINCE: ['PROVINCIAL_OFFICER'],
  NATIONAL: ['NATIONAL_COUNCIL'],
};
/** Media coverage of the programme is the provincial office's to record, for its province. */
export const MEDIA_GRANTS: readonly Role[] = ['PROVINCIAL_OFFICER'];

/** Which roles designate (and end) a key product of each level: that level's office, or the province. */
export const KEY_PRODUCT_GRANTS: Readonly<Record<KeyProductLevel, readonly Role[]>> = {
  PROVINCE: ['PROVINCIAL_OFFICER'],
  DISTRICT: ['DISTRICT_OFFICER', 'PROVINCIAL_OFFICER'],
  COMMUNE: ['COMMUNE_OFFICER', 'PROVINCIAL_OFFICER'],
};
const ANY_REVOKER: readonly Role[] = [...new Set(Object.values(REVOCATION_GRANTS).flat())];

function rolesFor(request: CommandRequest): readonly Role[] {
  switch (request.action) {
    case 'AwardStars':
      return EVALUATION_GRANTS[request.level];
    case 'DesignateKeyProduct':
    case 'EndKeyProduct':
      return KEY_PRODUCT_GRANTS[request.level];
    case 'RecordMediaCoverage':
      return MEDIA_GRANTS;
    case 'RevokeCertificate':
      return request.issuedBy === null || request.where === null
        ? ANY_REVOKER
        : REVOCATION_GRANTS[revokingLevel(request.issuedBy, request.where.day)];
    default:
      return GRANTS[request.action];
  }
}

/** What the request asks, as a refusal names it. */
function asked(request: CommandRequest): string {
  switch (request.action) {
    case 'AwardStars':
      return `AwardStars at ${request.level} level`;
    case 'DesignateKeyProduct':
    case 'EndKeyProduct':
      return `${request.action} at ${request.level} level`;
    case 'RevokeCertificate':
      return request.issuedBy === null ? request.action : `RevokeCertificate of a ${request.issuedBy} certificate`;
    default:
      return request.action;
  }
}

/** The code of the whole country, the national council's unit. */
export const COUNTRY = 'VN';

/**
 * Whether the actor's office existed on `day`: districts until 2025-06-30, commune officers from
 * 2025-07-01 (communes receive dossiers only since then), a province while it existed (06 until
 * 2025-06-30, 19 and the other 33 from then).
 */
export function officeExists(actor: Actor, day: string): boolean {
  if (actor.unit === null) return false;
  switch (actor.role) {
    case 'DISTRICT_OFFICER':
      return districtOn(actor.unit, day) !== undefined;
    case 'PROVINCIAL_OFFICER':
      return provinceOn(actor.unit, day) !== undefined;
    case 'COMMUNE_OFFICER':
      return day >= REORGANISATION_DAY && communeOn(actor.unit, day) !== undefined;
    default:
      return false;
  }
}

/**
 * Whether the actor's office covers a place on a date: a district officer its district (until
 * 2025-06-30), a commune officer its commune (from 2025-07-01; an old commune counts as the one it
 * became), a provincial officer whatever lies in its province on that date (19 covers the former
 * Bắc Kạn from 2025-07-01, and its past too as Bắc Kạn's successor, see succession.ts; 06 nothing
 * after 2025-06-30), the national council (unit VN) the whole country, the system everything. A place or date the registry cannot read (unknown codes in a
 * registration, a date that does not parse or is after `today`) is left to the decider, which refuses
 * it as input.
 */
export function covers(actor: Actor, where: Where, today?: string): boolean {
  if (actor.role === 'SYSTEM') return true;
  if (actor.role === 'NATIONAL_COUNCIL') return actor.unit === COUNTRY;
  if (!judgeable(where.day, today)) return true;
  if (actsAsSuccessor(actor, where, today)) return true;
  if (!officeExists(actor, where.day)) return false;
  const place = locateOrFirst(where.placement, where.day);
  if (!place.province) return true;
  switch (actor.role) {
    case 'DISTRICT_OFFICER':
      return where.placement.districtCode === actor.unit;
    case 'PROVINCIAL_OFFICER':
      return place.province.code === actor.unit;
    case 'COMMUNE_OFFICER':
      return place.commune?.code === actor.unit;
    default:
      return false;
  }
}

/** A provincial office adopts its own province's plans while it exists; a province that does not is the decider's to refuse. */
function coversPlan(actor: Actor, provinceCode: string, day: string, today?: string): boolean {
  if (actor.role === 'SYSTEM') return true;
  if (!judgeable(day, today)) return true;
  if (!officeExists(actor, day)) return false;
  return provinceOn(provinceCode, day) === undefined || provinceCode === actor.unit;
}

const isProvinceWide = (
  request: CommandRequest,
): request is Extract<CommandRequest, { readonly action: ProvinceAction }> =>
  request.action === 'AdoptPlan' || request.action === 'RecordMediaCoverage';

const dated = (request: CommandRequest): string => (isProvinceWide(request) ? request.day : (request.where?.day ?? ''));

/** A date jurisdiction can be read on: one that parses and has happened (the decider refuses the others). */
const judgeable = (day: string, today: string | undefined): boolean =>
  isBusinessDate(day) && (today === undefined || day <= today);

/**
 * Throws FORBIDDEN unless the actor's role may issue the command where and when it acts; `today`
 * (Vietnam) leaves a future-dated command to the decider, which says what is wrong with its date.
 */
export function authorize(actor: Actor, request: CommandRequest, today?: string): void {
  const what = asked(request);
  if (!rolesFor(request).includes(actor.role) && !recordsForAbolishedUnit(actor, request, today)) {
    throw new ForbiddenError(`${actor.role} may not ${what}`, { action: request.action });
  }
  const allowed = isProvinceWide(request)
    ? coversPlan(actor, request.provinceCode, request.day, today)
    : request.where === null || covers(actor, request.where, today);
  if (!allowed) {
    const where = isProvinceWide(request) ? request.provinceCode : describe(request.where);
    throw new ForbiddenError(
      `${actor.role} of ${actor.unit ?? 'no unit'} may not ${what} in ${where} on ${dated(request)}`,
      { action: request.action },
    );
  }
}

/**
 * The successor's office records the abolished units' own decisions (a district's revocation of 2024,
 * say) for places now in its territory; the centre's stay the centre's.
 */
function recordsForAbolishedUnit(actor: Actor, request: CommandRequest, today: string | undefined): boolean {
  if (isProvinceWide(request) || request.where === null) return false;
  const level =
    request.action === 'AwardStars' ? request.level : request.action === 'RevokeCertificate' ? request.issuedBy : null;
  return level !== 'NATIONAL' && actsAsSuccessor(actor, request.where, today);
}

function describe(where: Where | null): string {
  if (!where) return 'an unknown place';
  const place = locateOrFirst(where.placement, where.day);
  return place.commune?.code ?? where.placement.districtCode ?? place.province?.code ?? 'an unknown place';
}

/** A command's target as loaded from its stream: where it was recorded, once it exists. */
export type LoadedTarget =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly districtCode: string | null;
      readonly communes: readonly CommuneRecord[];
    };

/**
 * Where a loaded target acts on `day`, read from its own stream so that no input can claim another
 * place. Null when the target does not exist (the decider then answers NOT_FOUND).
 */
export function whereOf(target: LoadedTarget, day: string): Where | null {
  return target.status === 'registered'
    ? { placement: { districtCode: target.districtCode, communes: target.communes }, day }
    : null;
}
