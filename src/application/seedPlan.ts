import type { Actor } from './metadata';
import { PLAN_180 } from '../domain/rules/plan180';
import { PLAN_180_MEDIA_ITEMS_PER_MONTH } from '../domain/rules/plan180Targets';
import { findPlan } from '#projections/plans.projection';
import type { Services } from './services';

/** The system itself, for records it makes on its own (the seeded plan). */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM', unit: null };

/**
 * Adopts Plan 180/KH-UBND's 2024 targets, with its target 3 (media items a month) beside the annexes;
 * it gives no number for sales points. The fixed commandId makes it happen once per store, and a store
 * that already holds the plan (adopted by an earlier version, without target 3) is left as it is: a
 * second adoption would revise the plan that offices and reports already know.
 */
export async function seedPlan180(services: Services): Promise<void> {
  if (findPlan(services.runner.models.plans, PLAN_180.provinceCode, PLAN_180.year)) return;
  const result = await services.registry.adoptPlan(
    {
      ...PLAN_180,
      targets: PLAN_180.targets.map((t) => ({ ...t })),
      otherTargets: { mediaItemsPerMonth: PLAN_180_MEDIA_ITEMS_PER_MONTH },
    },
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
