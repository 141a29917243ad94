import type { KeyProductLevel } from '../rules/plan180Targets';
import type { KeyProductEvent } from './events';

/** The designations in force, by level, with the day each was decided. */
export type KeyProductState = { readonly active: ReadonlyMap<KeyProductLevel, string> };

export const initialKeyProductState = (): KeyProductState => ({ active: new Map() });

export function evolveKeyProduct(state: KeyProductState, event: KeyProductEvent): KeyProductState {
  const active = new Map(state.active);
  if (event.type === 'KeyProductDesignated') active.set(event.data.level, event.data.decidedOn);
  else active.delete(event.data.level);
  return { active };
}
