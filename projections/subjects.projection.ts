import type { View } from './index';
import { foldForSearch } from './products.projection';
import type { LinkageKind, SubjectEvent, SubjectKind, SupportProgramme } from '../src/domain/subject/events';
import type { ProductRegistered } from '../src/domain/product/events';
import { type Projection, handles } from './projection';

export interface LinkageView {
  id: string;
  partnerName: string;
  kind: LinkageKind;
  startedOn: string;
  endedOn: string | null;
  contractRef: string | null;
}

export interface SupportView {
  id: string;
  programme: SupportProgramme;
  providedOn: string;
  description: string;
}

export interface SubjectView {
  id: string;
  name: string;
  kind: SubjectKind;
  districtCode: string;
  registeredOn: string;
  productIds: string[];
  linkages: LinkageView[];
  supports: SupportView[];
}

export type SubjectsState = Map<string, SubjectView>;

export const subjectsProjection: Projection<SubjectsState, SubjectEvent | ProductRegistered> = {
  name: 'subjects',
  canHandle: handles('SubjectRegistered', 'LinkageRecorded', 'SupportRecorded', 'ProductRegistered'),
  initialState: () => new Map(),
  evolve(state, event) {
    if (event.type === 'SubjectRegistered') {
      const { subjectId, name, kind, districtCode, registeredOn } = event.data;
      state.set(subjectId, {
        id: subjectId,
        name,
        kind,
        districtCode,
        registeredOn,
        productIds: [],
        linkages: [],
        supports: [],
      });
      return state;
    }
    const subject = state.get(event.data.subjectId);
    if (!subject) return state;
    switch (event.type) {
      case 'ProductRegistered':
        subject.productIds.push(event.data.productId);
        break;
      case 'LinkageRecorded': {
        const { linkageId, partnerName, kind, startedOn, endedOn, contractRef } = event.data;
        subject.linkages.push({ id: linkageId, partnerName, kind, startedOn, endedOn, contractRef });
        break;
      }
      case 'SupportRecorded': {
        const { supportId, programme, providedOn, description } = event.data;
        subject.supports.push({ id: supportId, programme, providedOn, description });
        break;
      }
    }
    return state;
  },
};

export function findSubjects(view: View, query: { districtCode?: string; search?: string }): SubjectView[] {
  const words = query.search ? foldForSearch(query.search).split(' ') : [];
  return [...view.models.subjects.values()].filter(
    (s) =>
      (query.districtCode === undefined || s.districtCode === query.districtCode) &&
      words.every((w) => foldForSearch(s.name).includes(w)),
  );
}
