import type { View } from './index';
import { remembered } from './projection';
import { countByDistrict, hasValidCertificate, overlapsYear, productsOf } from './indicators';
import { findPlan } from './plans.projection';
import { type ReportRow, buildReport } from './report';

export const QUALITY_INDICATORS = ['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts'] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

/**
 * Annex 2 of the plan: quality of recognised products per district, for plan year `year`,
 * with certificate validity judged on the view's day.
 * - traceabilityProducts: products with a VALID certificate and traceability recorded by that day;
 * - linkageSubjects: subjects with a VALID certificate and a linkage active at some time in the year;
 * - advancedQmProducts: products with a VALID certificate and a quality certification valid at some time in the year.
 */
export function qualityManagement(view: View, provinceCode: string, year: number) {
  return remembered(view, `qualityManagement ${provinceCode} ${year}`, () => countQuality(view, provinceCode, year));
}

function countQuality(view: View, provinceCode: string, year: number) {
  const { products, subjects } = view.models;
  const actual: Record<QualityIndicator, Map<string, number>> = {
    traceabilityProducts: countByDistrict(
      products.values(),
      (p) => p.districtCode,
      (p) => p.traceability.some((t) => t.enabledOn <= view.day) && hasValidCertificate(view, p),
    ),
    linkageSubjects: countByDistrict(
      subjects.values(),
      (s) => s.districtCode,
      (s) =>
        s.linkages.some((l) => overlapsYear(l.startedOn, l.endedOn, year)) &&
        productsOf(view, s).some((p) => hasValidCertificate(view, p)),
    ),
    advancedQmProducts: countByDistrict(
      products.values(),
      (p) => p.districtCode,
      (p) =>
        p.qualityCertifications.some((q) => overlapsYear(q.issuedOn, q.validUntil, year)) &&
        hasValidCertificate(view, p),
    ),
  };
  return buildReport(provinceCode, year, QUALITY_INDICATORS, findPlan(view.models.plans, provinceCode, year), actual);
}

export type QualityManagementReport = ReturnType<typeof qualityManagement>;
export type QualityManagementRow = ReportRow<QualityIndicator>;
