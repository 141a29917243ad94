import type { View } from './views/models';
import { consolidatedSubjects } from './indicators/consolidatedSubjects';
import { newProducts3Star } from './indicators/newProducts3Star';
import { newSubjects } from './indicators/newSubjects';
import { remembered } from './projection';
import { type ReportRow, buildReport } from './report';

/** Annex 1 of the plan, product development: what each indicator counts is in `indicators/`. */
export const DISTRICT_TARGET_INDICATORS = ['newProducts3Star', 'consolidatedSubjects', 'newSubjects'] as const;
export type DistrictTargetIndicator = (typeof DISTRICT_TARGET_INDICATORS)[number];

const ANNEX_1 = [newProducts3Star, consolidatedSubjects, newSubjects];

/** Annex 1 for plan year `year` of a province, asked on the view's day (see `buildReport`). */
export function districtTargets(view: View, provinceCode: string, year: number) {
  return remembered(view, `districtTargets ${provinceCode} ${year}`, () =>
    buildReport(view.models, view.day, provinceCode, year, ANNEX_1),
  );
}

export type DistrictTargetsReport = ReturnType<typeof districtTargets>;
export type DistrictTargetsRow = ReportRow<DistrictTargetIndicator>;
