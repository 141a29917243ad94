import type { Decider } from '../../core/decider';
import { IllegalStateError, NotFoundError } from '../../core/errors';
import { assertNever } from '../../core/assertNever';
import { assertBusinessDate } from '../rules/businessDate';
import { requireSafeId } from '../rules/ids';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../rules/limits';
import { FUNDING_SOURCES, requireAmountVnd } from '../rules/plan180Targets';
import { REORGANISATION_DAY } from '../rules/reorganisation';
import { requireCommune, requireCommuneInDistrict, requireRegistrationPlace } from '../rules/units/readPlace';
import { optionalText, requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { RecordLinkage, RecordSubjectCommune, RecordSupport, RegisterSubject, SubjectCommand } from './commands';
import {
  LINKAGE_KINDS,
  SUBJECT_KINDS,
  SUPPORT_PROGRAMMES,
  type LinkageRecorded,
  type SubjectCommuneRecorded,
  type SubjectEvent,
  type SubjectRegistered,
  type SupportRecorded,
} from './events';
import { type SubjectState, evolveSubject, initialSubjectState } from './state';

type Registered = Extract<SubjectState, { status: 'registered' }>;

function registered(state: SubjectState, subjectId: string): Registered {
  if (state.status !== 'registered') throw new NotFoundError(`Subject ${subjectId} does not exist`, { subjectId });
  return state;
}

/** Where a registration is depends on its date: see `requireRegistrationPlace`. */
export function registerSubject(command: RegisterSubject, state: SubjectState): SubjectRegistered[] {
  if (state.status === 'registered') {
    throw new IllegalStateError(`Subject ${command.subjectId} is already registered`, { subjectId: command.subjectId });
  }
  requireSafeId('id', command.subjectId);
  const twin = command.sameIdIgnoringCase;
  if (twin !== undefined) {
    throw new IllegalStateError(`Subject ${twin} already exists: ids are unique regardless of case`, {
      subjectId: twin,
    });
  }
  const registeredOn = requirePastDate('registeredOn', command.registeredOn, command.today);
  const place = requireRegistrationPlace(command.districtCode, command.communeCode, registeredOn);
  return [
    {
      type: 'SubjectRegistered',
      data: {
        subjectId: command.subjectId,
        name: requireText('name', command.name, NAME_MAX),
        kind: requireOneOf('kind', command.kind, SUBJECT_KINDS),
        districtCode: place.districtCode,
        // Registrations without a commune keep the shape they always had.
        ...(place.communeCode === null ? {} : { communeCode: place.communeCode }),
        registeredOn,
      },
    },
  ];
}

/**
 * Attaches a commune from `on`, read in the code list of that day: an old commune (before 2025-07-01)
 * must lie in the subject's district.
 */
export function recordSubjectCommune(command: RecordSubjectCommune, state: SubjectState): SubjectCommuneRecorded[] {
  const subject = registered(state, command.subjectId);
  const on = requirePastDate('on', command.on, command.today);
  requireNotBefore('on', on, subject.registeredOn, 'the registration');
  const commune = requireCommune('communeCode', command.communeCode, on);
  if (on < REORGANISATION_DAY && subject.districtCode !== null) requireCommuneInDistrict(commune, subject.districtCode);
  return [{ type: 'SubjectCommuneRecorded', data: { subjectId: subject.subjectId, communeCode: commune.code, on } }];
}

export function recordLinkage(command: RecordLinkage, state: SubjectState): LinkageRecorded[] {
  const subject = registered(state, command.subjectId);
  if (subject.linkageIds.has(command.linkageId)) {
    throw new IllegalStateError(`Linkage ${command.linkageId} is already recorded`, { linkageId: command.linkageId });
  }
  const startedOn = requirePastDate('startedOn', command.startedOn, command.today);
  const endedOn = command.endedOn ? assertBusinessDate('endedOn', command.endedOn) : null;
  if (endedOn) requireNotBefore('endedOn', endedOn, startedOn, 'startedOn');
  return [
    {
      type: 'LinkageRecorded',
      data: {
        subjectId: subject.subjectId,
        linkageId: command.linkageId,
        partnerName: requireText('partnerName', command.partnerName, NAME_MAX),
        kind: requireOneOf('kind', command.kind, LINKAGE_KINDS),
        startedOn,
        endedOn,
        contractRef: optionalText('contractRef', command.contractRef, REF_MAX),
      },
    },
  ];
}

export function recordSupport(command: RecordSupport, state: SubjectState): SupportRecorded[] {
  const subject = registered(state, command.subjectId);
  if (subject.supportIds.has(command.supportId)) {
    throw new IllegalStateError(`Support ${command.supportId} is already recorded`, { supportId: command.supportId });
  }
  return [
    {
      type: 'SupportRecorded',
      data: {
        subjectId: subject.subjectId,
        supportId: command.supportId,
        programme: requireOneOf('programme', command.programme, SUPPORT_PROGRAMMES),
        providedOn: requirePastDate('providedOn', command.providedOn, command.today),
        description: requireText('description', command.description, TEXT_MAX, 'lines'),
        // Support recorded without its money keeps the shape support always had.
        ...(command.amountVnd == null ? {} : { amountVnd: requireAmountVnd('amountVnd', command.amountVnd) }),
        ...(command.fundingSource == null
          ? {}
          : { fundingSource: requireOneOf('fundingSource', command.fundingSource, FUNDING_SOURCES) }),
      },
    },
  ];
}

export function decideSubject(command: SubjectCommand, state: SubjectState): SubjectEvent[] {
  switch (command.type) {
    case 'RegisterSubject':
      return registerSubject(command, state);
    case 'RecordSubjectCommune':
      return recordSubjectCommune(command, state);
    case 'RecordLinkage':
      return recordLinkage(command, state);
    case 'RecordSupport':
      return recordSupport(command, state);
    default:
      return assertNever(command);
  }
}

export const subjectDecider: Decider<SubjectState, SubjectCommand, SubjectEvent> = {
  initialState: initialSubjectState,
  evolve: evolveSubject,
  decide: decideSubject,
};
