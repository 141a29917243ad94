import type { CommuneRecord } from '../rules/units/placement';
import type { SalesPointEvent } from './events';

export type SalesPointState =
  | { status: 'unregistered' }
  | {
      status: 'open' | 'closed';
      salesPointId: string;
      openedOn: string;
      /** Where it is, as a subject is placed: jurisdiction over it is read from here. */
      districtCode: string | null;
      communes: readonly CommuneRecord[];
    };

export const initialSalesPointState = (): SalesPointState => ({ status: 'unregistered' });

export function evolveSalesPoint(state: SalesPointState, event: SalesPointEvent): SalesPointState {
  if (event.type === 'SalesPointRegistered') {
    const { salesPointId, openedOn, districtCode, communeCode } = event.data;
    const communes = communeCode ? [{ code: communeCode, on: openedOn }] : [];
    return { status: 'open', salesPointId, openedOn, districtCode, communes };
  }
  return state.status === 'unregistered' ? state : { ...state, status: 'closed' };
}
