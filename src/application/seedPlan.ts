import type { Actor } from './metadata';
import { PLAN_180 } from '../domain/rules/plan180';
import type { Services } from './services';

/** The system itself, for records it makes on its own (the seeded plan). */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM', unit: null };

/**
 * Adopts Plan 180/KH-UBND's 2024 targets. The fixed commandId makes it happen once per store:
 * every later start finds the command already in the plan's stream and appends nothing.
 */
export async function seedPlan180(services: Services): Promise<void> {
  const result = await services.registry.adoptPlan(
    { ...PLAN_180, targets: PLAN_180.targets.map((t) => ({ ...t })) },
    {
      commandId: 'seed:plan-180-KH-UBND-2024',
      correlationId: 'seed',
      causationId: null,
      actor: SYSTEM_ACTOR,
      now: services.clock(),
    },
  );
  if (result.position) await services.runner.waitFor(result.position);
}
