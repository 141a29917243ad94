import type { View } from './views/models';
import { type PlaceQuery, subjectsInPlace } from './placeIndex';
import { foldForSearch } from './products.projection';
import type { SubjectEvent } from '#src/domain/subject/events';
import type { ProductRegistered } from '#src/domain/product/events';
import { type Projection, handles } from './projection';

import type { SubjectView, SubjectsState } from './views/subject';

export type { LinkageView, SupportView, SubjectView, SubjectsState } from './views/subject';

export const subjectsProjection: Projection<SubjectsState, SubjectEvent | ProductRegistered> = {
  name: 'subjects',
  canHandle: handles(
    'SubjectRegistered',
    'SubjectCommuneRecorded',
    'LinkageRecorded',
    'SupportRecorded',
    'ProductRegistered',
  ),
  initialState: () => new Map(),
  evolve(state, event) {
    if (event.type === 'SubjectRegistered') {
      const { subjectId, name, kind, districtCode, communeCode, registeredOn } = event.data;
      state.set(subjectId, {
        id: subjectId,
        name,
        kind,
        districtCode,
        communes: communeCode ? [{ code: communeCode, on: registeredOn }] : [],
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
      case 'SubjectCommuneRecorded':
        subject.communes.push({ code: event.data.communeCode, on: event.data.on });
        break;
      case 'LinkageRecorded': {
        const { linkageId, partnerName, kind, startedOn, endedOn, contractRef } = event.data;
        subject.linkages.push({ id: linkageId, partnerName, kind, startedOn, endedOn, contractRef });
        break;
      }
      case 'SupportRecorded': {
        const { supportId, programme, providedOn, description, amountVnd, fundingSource } = event.data;
        subject.supports.push({
          id: supportId,
          programme,
          providedOn,
          description,
          amountVnd: amountVnd ?? null,
          fundingSource: fundingSource ?? null,
        });
        break;
      }
    }
    return state;
  },
};

export function findSubjects(
  view: View,
  query: PlaceQuery & { districtCode?: string; search?: string },
): readonly SubjectView[] {
  const words = query.search ? foldForSearch(query.search).split(' ') : [];
  const inPlace = subjectsInPlace(view, query);
  return [...view.models.subjects.values()].filter(
    (s) =>
      (inPlace === null || inPlace(s.id)) &&
      (query.districtCode === undefined || s.districtCode === query.districtCode) &&
      words.every((w) => foldForSearch(s.name).includes(w)),
  );
}
