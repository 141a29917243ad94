import type { PlanEvent } from './events';

export type PlanState = { status: 'none' } | { status: 'adopted'; reference: string; adoptedOn: string };

export const initialPlanState = (): PlanState => ({ status: 'none' });

export function evolvePlan(_state: PlanState, event: PlanEvent): PlanState {
  return { status: 'adopted', reference: event.data.reference, adoptedOn: event.data.adoptedOn };
}
