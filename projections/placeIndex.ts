import type { View } from './views/models';
import { remembered } from './projection';
import { locate } from '#src/domain/rules/units/placement';

/** The subjects in each province and in each commune or ward on one day. */
export interface PlaceIndex {
  readonly byProvince: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byCommune: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Where every subject is on `day` (see `locate`), indexed by province and by commune: a list "in my
 * commune" reads one set instead of placing every subject of the nation again for each product. Built
 * once per view and day, and remembered until the next event.
 */
export function placeIndexOn(view: View, day: string): PlaceIndex {
  return remembered(view, `places on ${day}`, () => {
    const byProvince = new Map<string, Set<string>>();
    const byCommune = new Map<string, Set<string>>();
    const add = (index: Map<string, Set<string>>, code: string, id: string) => {
      let ids = index.get(code);
      if (!ids) index.set(code, (ids = new Set()));
      ids.add(id);
    };
    for (const subject of view.models.subjects.values()) {
      const { province, commune } = locate(subject, day);
      if (province) add(byProvince, province.code, subject.id);
      if (commune) add(byCommune, commune.code, subject.id);
    }
    return { byProvince, byCommune };
  });
}

/** Where a list is asked to look: a province and a commune on a day; undefined codes mean anywhere. */
export interface PlaceQuery {
  readonly provinceCode?: string;
  readonly communeCode?: string;
  /** The day the place is read on; the view's day when absent. */
  readonly on?: string;
}

/** A test of a subject id against the place asked for, or null when no place is asked for. */
export function subjectsInPlace(view: View, query: PlaceQuery): ((subjectId: string) => boolean) | null {
  if (query.provinceCode === undefined && query.communeCode === undefined) return null;
  const index = placeIndexOn(view, query.on ?? view.day);
  const sets = [
    query.provinceCode === undefined ? null : (index.byProvince.get(query.provinceCode) ?? new Set<string>()),
    query.communeCode === undefined ? null : (index.byCommune.get(query.communeCode) ?? new Set<string>()),
  ].filter((set): set is ReadonlySet<string> => set !== null);
  return (subjectId) => sets.every((set) => set.has(subjectId));
}
