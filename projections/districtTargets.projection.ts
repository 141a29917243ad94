import type { View } from './index';
import { remembered } from './projection';
import { countByDistrict, productsOf, yearOf } from './indicators';
import { findPlan } from './plans.projection';
import { type ReportRow, buildReport } from './report';

export const DISTRICT_TARGET_INDICATORS = ['newProducts3Star', 'consolidatedSubjects', 'newSubjects'] as const;
export type DistrictTargetIndicator = (typeof DISTRICT_TARGET_INDICATORS)[number];

/**
 * Annex 1 of the plan: product development per district, for plan year `year`.
 * - newProducts3Star: NEW products whose first certificate was decided in the year and is not revoked;
 * - consolidatedSubjects: subjects certified before the year that received CONSOLIDATION support in it;
 * - newSubjects: subjects registered in the year with a product registered in the year.
 */
export function districtTargets(view: View, provinceCode: string, year: number) {
  return remembered(view, `districtTargets ${provinceCode} ${year}`, () =>
    countDistrictTargets(view, provinceCode, year),
  );
}

function countDistrictTargets(view: View, provinceCode: string, year: number) {
  const { products, subjects, certificates } = view.models;
  const actual: Record<DistrictTargetIndicator, Map<string, number>> = {
    newProducts3Star: countByDistrict(
      products.values(),
      (p) => p.districtCode,
      (p) => {
        const first = p.certificateIds[0] ? certificates.get(p.certificateIds[0]) : undefined;
        return (
          p.registrationKind === 'NEW' &&
          first !== undefined &&
          yearOf(first.issuedOn) === year &&
          !(first.revokedOn !== undefined && first.revokedOn <= view.day)
        );
      },
    ),
    consolidatedSubjects: countByDistrict(
      subjects.values(),
      (s) => s.districtCode,
      (s) => {
        const certifiedBefore = productsOf(view, s).some((p) =>
          p.certificateIds.some((id) => yearOf(certificates.get(id)?.issuedOn ?? '9999') < year),
        );
        return (
          certifiedBefore && s.supports.some((h) => h.programme === 'CONSOLIDATION' && yearOf(h.providedOn) === year)
        );
      },
    ),
    newSubjects: countByDistrict(
      subjects.values(),
      (s) => s.districtCode,
      (s) => yearOf(s.registeredOn) === year && productsOf(view, s).some((p) => yearOf(p.registeredOn) === year),
    ),
  };
  return buildReport(
    provinceCode,
    year,
    DISTRICT_TARGET_INDICATORS,
    findPlan(view.models.plans, provinceCode, year),
    actual,
  );
}

export type DistrictTargetsReport = ReturnType<typeof districtTargets>;
export type DistrictTargetsRow = ReportRow<DistrictTargetIndicator>;
