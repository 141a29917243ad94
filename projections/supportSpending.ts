import type { View } from './views/models';
import type { ReportUnit } from './report';
import { FUNDING_SOURCES, type FundingSource } from '#src/domain/rules/plan180Targets';
import { REORGANISATION_DAY } from '#src/domain/rules/reorganisation';
import { locateOrFirst, registeredDistrict } from '#src/domain/rules/units/placement';

export interface SupportSpending {
  readonly year: number;
  readonly provinceCode: string;
  readonly totalVnd: number;
  /** Every source, in Plan 180's order, 0 where nothing was recorded. */
  readonly bySource: readonly { readonly source: FundingSource; readonly amountVnd: number }[];
  /** Amounts recorded without their source: in the total, under no source. */
  readonly unattributedVnd: number;
  /** By the unit the subject was in when the support was provided (district before 2025-07-01, commune after). */
  readonly byUnit: readonly { readonly unit: ReportUnit; readonly amountVnd: number }[];
}

/**
 * What support provided in the year to subjects of the province cost, as recorded: support recorded
 * without an amount counts nothing. A subject belongs to the province it was in on the day of support.
 */
export function supportSpending(view: View, provinceCode: string, year: number): SupportSpending {
  const bySource = new Map<FundingSource, number>(FUNDING_SOURCES.map((s) => [s, 0]));
  const byUnit = new Map<string, { unit: ReportUnit; amountVnd: number }>();
  let totalVnd = 0;
  let unattributedVnd = 0;
  for (const subject of view.models.subjects.values()) {
    for (const support of subject.supports) {
      if (support.amountVnd === null || !support.providedOn.startsWith(`${year}-`)) continue;
      const where = locateOrFirst(subject, support.providedOn);
      if (where.province?.code !== provinceCode) continue;
      totalVnd += support.amountVnd;
      if (support.fundingSource)
        bySource.set(support.fundingSource, bySource.get(support.fundingSource)! + support.amountVnd);
      else unattributedVnd += support.amountVnd;
      const unit =
        support.providedOn < REORGANISATION_DAY ? registeredDistrict(subject, support.providedOn) : where.commune;
      if (!unit) continue;
      const row = byUnit.get(unit.code) ?? {
        unit: { code: unit.code, name: unit.name, level: unit.level },
        amountVnd: 0,
      };
      row.amountVnd += support.amountVnd;
      byUnit.set(unit.code, row);
    }
  }
  return {
    year,
    provinceCode,
    totalVnd,
    bySource: [...bySource].map(([source, amountVnd]) => ({ source, amountVnd })),
    unattributedVnd,
    byUnit: [...byUnit.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
  };
}
