import type { ReadonlyModels } from './views/models';
import { type Placement, locateOrFirst } from '#src/domain/rules/units/placement';
import type { SalesPointEvent } from '#src/domain/salesPoint/events';
import { type Projection, handles } from './projection';
import type { SalesPointView, SalesPointsState } from './views/salesPoint';

export type { SalesPointView, SalesPointsState } from './views/salesPoint';

export const salesPointsProjection: Projection<SalesPointsState, SalesPointEvent> = {
  name: 'salesPoints',
  canHandle: handles('SalesPointRegistered', 'SalesPointClosed'),
  initialState: () => new Map(),
  evolve(state, event) {
    if (event.type === 'SalesPointRegistered') {
      const { salesPointId, ...point } = event.data;
      state.set(salesPointId, { id: salesPointId, ...point, closedOn: null, closeReason: null });
      return state;
    }
    const point = state.get(event.data.salesPointId);
    if (point) Object.assign(point, { closedOn: event.data.closedOn, closeReason: event.data.reason });
    return state;
  },
};

/** Where a sales point is, as a subject is placed: its district, and its commune from its opening. */
export const placementOf = (point: Pick<SalesPointView, 'districtCode' | 'communeCode' | 'openedOn'>): Placement => ({
  districtCode: point.districtCode,
  communes: point.communeCode ? [{ code: point.communeCode, on: point.openedOn }] : [],
});

/** Whether the point is open on `day`: opened by then and not closed on or before it. */
export const openOn = (point: SalesPointView, day: string): boolean =>
  point.openedOn <= day && (point.closedOn === null || point.closedOn > day);

/**
 * The points open on `day` in the province (and commune, when given), where they are on that day, in
 * the order they were registered.
 */
export function openSalesPoints(
  models: ReadonlyModels,
  where: { provinceCode: string; communeCode?: string | null },
  day: string,
): SalesPointView[] {
  return [...models.salesPoints.values()].filter((point) => {
    if (!openOn(point, day)) return false;
    const place = locateOrFirst(placementOf(point), day);
    return (
      place.province?.code === where.provinceCode && (!where.communeCode || place.commune?.code === where.communeCode)
    );
  });
}
