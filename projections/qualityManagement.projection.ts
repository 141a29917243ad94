import type { View } from './views/models';
import { advancedQmProducts } from './indicators/advancedQmProducts';
import { linkageSubjects } from './indicators/linkageSubjects';
import { traceabilityProducts } from './indicators/traceabilityProducts';
import { remembered } from './projection';
import { type ReportRow, buildReport } from './report';

/** Annex 2 of the plan, quality of recognised products: what each indicator counts is in `indicators/`. */
export const QUALITY_INDICATORS = ['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts'] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

const ANNEX_2 = [traceabilityProducts, linkageSubjects, advancedQmProducts];

/** Annex 2 for plan year `year` of a province, asked on the view's day (see `buildReport`). */
export function qualityManagement(view: View, provinceCode: string, year: number) {
  return remembered(view, `qualityManagement ${provinceCode} ${year}`, () =>
    buildReport(view.models, view.day, provinceCode, year, ANNEX_2),
  );
}

export type QualityManagementReport = ReturnType<typeof qualityManagement>;
export type QualityManagementRow = ReportRow<QualityIndicator>;
