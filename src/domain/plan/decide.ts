import type { Decider } from '../../core/decider';
import { ValidationError } from '../../core/errors';
import { findDistrict, findProvince } from '../rules/administrativeUnits';
import { PLAN_YEAR_FIRST, PLAN_YEAR_LAST, REF_MAX, TARGET_MAX } from '../rules/limits';
import { requireNotBefore, requirePastDate, requireText } from '../rules/validation';
import type { AdoptPlan, PlanCommand } from './commands';
import { type DistrictTarget, type PlanEvent, TARGET_FIELDS } from './events';
import { type PlanState, evolvePlan, initialPlanState } from './state';

function checkTargets(provinceCode: string, targets: DistrictTarget[]): DistrictTarget[] {
  const seen = new Set<string>();
  return targets.map((target) => {
    const district = findDistrict(target.districtCode ?? '');
    if (!district || district.parentCode !== provinceCode) {
      throw new ValidationError(`District ${target.districtCode} is not in province ${provinceCode}`, {
        field: 'targets.districtCode',
      });
    }
    if (seen.has(district.code)) {
      throw new ValidationError(`District ${district.code} appears twice in the targets`, { field: 'targets' });
    }
    seen.add(district.code);
    for (const field of TARGET_FIELDS) {
      const value = target[field];
      if (!Number.isInteger(value) || value < 0 || value > TARGET_MAX) {
        throw new ValidationError(`targets.${field} must be a whole number from 0 to ${TARGET_MAX}`, {
          field: `targets.${field}`,
        });
      }
    }
    const clean: DistrictTarget = {
      districtCode: district.code,
      ...Object.fromEntries(TARGET_FIELDS.map((f) => [f, target[f]])),
    } as DistrictTarget;
    return clean;
  });
}

/** Adopting a plan again for the same province and year revises its targets; the newest adoption wins. */
export function adoptPlan(command: AdoptPlan, state: PlanState): PlanEvent[] {
  if (!findProvince(command.provinceCode)) {
    throw new ValidationError(`Unknown province code ${command.provinceCode}`, { field: 'provinceCode' });
  }
  if (!Number.isInteger(command.year) || command.year < PLAN_YEAR_FIRST || command.year > PLAN_YEAR_LAST) {
    throw new ValidationError(`year must be between ${PLAN_YEAR_FIRST} and ${PLAN_YEAR_LAST}`, { field: 'year' });
  }
  const adoptedOn = requirePastDate('adoptedOn', command.adoptedOn, command.today);
  if (state.status === 'adopted') requireNotBefore('adoptedOn', adoptedOn, state.adoptedOn, 'the current adoption');
  const data = {
    provinceCode: command.provinceCode,
    year: command.year,
    reference: requireText('reference', command.reference, REF_MAX),
    adoptedOn,
    targets: checkTargets(command.provinceCode, command.targets),
  };
  return [state.status === 'adopted' ? { type: 'PlanRevised', data } : { type: 'PlanAdopted', data }];
}

export const decidePlan = (command: PlanCommand, state: PlanState): PlanEvent[] => adoptPlan(command, state);

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
