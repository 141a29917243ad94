import type { SubjectEvent, SubjectKind } from './events';
import { assertNever } from '../../core/assertNever';

export type SubjectState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      subjectId: string;
      name: string;
      kind: SubjectKind;
      districtCode: string;
      registeredOn: string;
      linkageIds: ReadonlySet<string>;
      supportIds: ReadonlySet<string>;
    };

export const initialSubjectState = (): SubjectState => ({ status: 'unregistered' });

export function evolveSubject(state: SubjectState, event: SubjectEvent): SubjectState {
  switch (event.type) {
    case 'SubjectRegistered':
      return { status: 'registered', ...event.data, linkageIds: new Set(), supportIds: new Set() };
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
