import type { Decider } from '../../core/decider';
import { ValidationError } from '../../core/errors';
import { PLAN_YEAR_FIRST, PLAN_YEAR_LAST, REF_MAX, TARGET_MAX } from '../rules/limits';
import { OTHER_TARGET_FIELDS, type OtherTargets } from '../rules/plan180Targets';
import { REORGANISATION_DAY } from '../rules/reorganisation';
import { type AdministrativeUnit, type UnitLevel, provinceOn, unitOn } from '../rules/units/units';
import { requireProvinceInYear } from '../rules/units/readPlace';
import { requireNotBefore, requirePastDate, requireText } from '../rules/validation';
import type { AdoptPlan, PlanCommand } from './commands';
import { type DistrictTarget, type PlanEvent, TARGET_FIELDS } from './events';
import { type PlanState, evolvePlan, initialPlanState } from './state';

/** The province must exist in the plan's year (06 did not in 2026: its successor is named) and on the adoption day. */
function requireProvince(provinceCode: string, year: number, adoptedOn: string): AdministrativeUnit {
  requireProvinceInYear(provinceCode, year, '; adopt the plan there');
  const province = provinceOn(provinceCode, adoptedOn);
  if (!province) {
    throw new ValidationError(
      `Province ${provinceCode} did not exist on ${adoptedOn}: a plan's codes are read on its adoption date`,
      { field: 'adoptedOn' },
    );
  }
  return province;
}

/** A target's unit, read on the adoption day: the province itself, or one of its districts or communes. */
function requireUnit(target: DistrictTarget, provinceCode: string, adoptedOn: string): AdministrativeUnit {
  const field = target.unitCode ? 'targets.unitCode' : 'targets.districtCode';
  if (target.unitCode && target.districtCode && target.unitCode !== target.districtCode) {
    throw new ValidationError('A target names its unit once: unitCode or districtCode', { field });
  }
  const code = target.unitCode ?? target.districtCode ?? '';
  const unit = unitOn(code, adoptedOn);
  if (!unit || unit.provinceCode !== provinceCode) {
    throw new ValidationError(`${code} is not in province ${provinceCode} on ${adoptedOn}`, { field });
  }
  if (target.districtCode && unit.level !== 'DISTRICT') {
    throw new ValidationError(`districtCode ${code} is not a district on ${adoptedOn}: give it as unitCode`, { field });
  }
  return unit;
}

function checkTargets(provinceCode: string, adoptedOn: string, targets: DistrictTarget[]) {
  const seen = new Set<string>();
  const levels = new Set<UnitLevel>();
  const checked = targets.map((target) => {
    const unit = requireUnit(target, provinceCode, adoptedOn);
    if (seen.has(unit.code)) {
      throw new ValidationError(`Unit ${unit.code} appears twice in the targets`, { field: 'targets' });
    }
    seen.add(unit.code);
    levels.add(unit.level);
    for (const field of TARGET_FIELDS) {
      const value = target[field];
      if (!Number.isInteger(value) || value < 0 || value > TARGET_MAX) {
        throw new ValidationError(`targets.${field} must be a whole number from 0 to ${TARGET_MAX}`, {
          field: `targets.${field}`,
        });
      }
    }
    return { unit, values: Object.fromEntries(TARGET_FIELDS.map((f) => [f, target[f]])) };
  });
  if (levels.size > 1) {
    throw new ValidationError(`A plan's targets are all for one level of unit, not ${[...levels].join(' and ')}`, {
      field: 'targets',
    });
  }
  const level: UnitLevel = [...levels][0] ?? (adoptedOn < REORGANISATION_DAY ? 'DISTRICT' : 'COMMUNE');
  // District plans keep the event shape Plan 180's always had; other levels name their units and level.
  const clean = checked.map(({ unit, values }) =>
    level === 'DISTRICT' ? { districtCode: unit.code, ...values } : { unitCode: unit.code, ...values },
  ) as DistrictTarget[];
  return level === 'DISTRICT' ? { targets: clean } : { level, targets: clean };
}

/** The targets set beside the annexes, checked as theirs are; null when the plan sets none. */
function checkOtherTargets(given: OtherTargets | null | undefined): { otherTargets?: OtherTargets } {
  const set = OTHER_TARGET_FIELDS.filter((field) => given?.[field] != null);
  if (!given || set.length === 0) return {};
  for (const field of set) {
    const value = given[field]!;
    if (!Number.isInteger(value) || value < 0 || value > TARGET_MAX) {
      throw new ValidationError(`otherTargets.${field} must be a whole number from 0 to ${TARGET_MAX}`, {
        field: `otherTargets.${field}`,
      });
    }
  }
  return { otherTargets: Object.fromEntries(set.map((field) => [field, given[field]])) };
}

/**
 * Adopting a plan again for the same province and year revises its targets; the newest adoption wins.
 * Its units are read on the adoption day, all of one level: districts (Plan 180), communes, or the province.
 */
export function adoptPlan(command: AdoptPlan, state: PlanState): PlanEvent[] {
  if (!Number.isInteger(command.year) || command.year < PLAN_YEAR_FIRST || command.year > PLAN_YEAR_LAST) {
    throw new ValidationError(`year must be between ${PLAN_YEAR_FIRST} and ${PLAN_YEAR_LAST}`, { field: 'year' });
  }
  const adoptedOn = requirePastDate('adoptedOn', command.adoptedOn, command.today);
  requireProvince(command.provinceCode, command.year, adoptedOn);
  if (state.status === 'adopted') requireNotBefore('adoptedOn', adoptedOn, state.adoptedOn, 'the current adoption');
  const data = {
    provinceCode: command.provinceCode,
    year: command.year,
    reference: requireText('reference', command.reference, REF_MAX),
    adoptedOn,
    ...checkTargets(command.provinceCode, adoptedOn, command.targets),
    ...checkOtherTargets(command.otherTargets),
  };
  return [state.status === 'adopted' ? { type: 'PlanRevised', data } : { type: 'PlanAdopted', data }];
}

export const decidePlan = (command: PlanCommand, state: PlanState): PlanEvent[] => adoptPlan(command, state);

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
