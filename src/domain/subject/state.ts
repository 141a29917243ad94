import type { SubjectEvent, SubjectKind } from './events';
import { assertNever } from '../../core/assertNever';
import type { CommuneRecord } from '../rules/units/placement';

export type SubjectState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      subjectId: string;
      name: string;
      kind: SubjectKind;
      /** The district it registered in (registrations before 2025-07-01), else null. */
      districtCode: string | null;
      /** Its communes, each read in the code list of its date (see rules/units/placement.ts). */
      communes: readonly CommuneRecord[];
      registeredOn: string;
      linkageIds: ReadonlySet<string>;
      supportIds: ReadonlySet<string>;
    };

export const initialSubjectState = (): SubjectState => ({ status: 'unregistered' });

export function evolveSubject(state: SubjectState, event: SubjectEvent): SubjectState {
  switch (event.type) {
    case 'SubjectRegistered': {
      const { subjectId, name, kind, districtCode, communeCode, registeredOn } = event.data;
      const communes = communeCode ? [{ code: communeCode, on: registeredOn }] : [];
      return {
        status: 'registered',
        subjectId,
        name,
        kind,
        districtCode,
        communes,
        registeredOn,
        linkageIds: new Set(),
        supportIds: new Set(),
      };
    }
    case 'SubjectCommuneRecorded':
      if (state.status !== 'registered') return state;
      return { ...state, communes: [...state.communes, { code: event.data.communeCode, on: event.data.on }] };
    case 'LinkageRecorded':
      if (state.status !== 'registered') return state;
      return { ...state, linkageIds: new Set([...state.linkageIds, event.data.linkageId]) };
    case 'SupportRecorded':
      if (state.status !== 'registered') return state;
      return { ...state, supportIds: new Set([...state.supportIds, event.data.supportId]) };
    default:
      return assertNever(event);
  }
}
