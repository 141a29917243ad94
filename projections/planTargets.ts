import type { ReadonlyModels, View } from './views/models';
import { inForce } from './keyProducts.projection';
import { findPlan } from './plans.projection';
import { openOn, placementOf } from './salesPoints.projection';
import type { Indicator, ReportUnit } from './report';
import { yearScope } from './indicators/yearScope';
import { reportFrame } from './reportFrame';
import { locateOrFirst } from '#src/domain/rules/units/placement';

/**
 * Counts for what Plan 180 asks beyond its annexes (target 3, key products, sales points), read on
 * the report's day: 31 December of the year, or the day asked when earlier, as for Annex 1 and 2.
 */

export interface MediaMonth {
  readonly month: number;
  readonly count: number;
  /** The plan's items a month; null when no plan for the year sets one. */
  readonly target: number | null;
  readonly met: boolean | null;
}

export interface MediaCoverageReport {
  readonly year: number;
  readonly provinceCode: string;
  readonly months: readonly MediaMonth[];
  readonly total: number;
}

/** Items published in each month of the year about the province's programme, against the plan's monthly target. */
export function mediaCoverage(view: View, provinceCode: string, year: number): MediaCoverageReport {
  const counts = new Array<number>(12).fill(0);
  for (const item of view.models.media.values()) {
    if (item.provinceCode !== provinceCode || !item.publishedOn.startsWith(`${year}-`)) continue;
    counts[Number(item.publishedOn.slice(5, 7)) - 1]! += 1;
  }
  const target = findPlan(view.models.plans, provinceCode, year)?.otherTargets.mediaItemsPerMonth ?? null;
  const months = counts.map((count, i) => ({
    month: i + 1,
    count,
    target,
    met: target === null ? null : count >= target,
  }));
  return { year, provinceCode, months, total: counts.reduce((a, b) => a + b, 0) };
}

/** Where a product is on `day`: where its subject is. */
export function provinceOfProduct(models: ReadonlyModels, productId: string, day: string): string | null {
  const subjectId = models.products.get(productId)?.subjectId;
  const subject = subjectId === undefined ? undefined : models.subjects.get(subjectId);
  return subject ? (locateOrFirst(subject, day).province?.code ?? null) : null;
}

export interface UnitIndicator extends Indicator {
  readonly unit: ReportUnit;
}

export interface OtherTargetsReport {
  readonly year: number;
  readonly provinceCode: string;
  readonly statusDay: string;
  /** Items a month the plan asks for (null when it sets none), and the months of the year that met it. */
  readonly mediaItemsPerMonth: number | null;
  readonly mediaMonthsMet: number;
  readonly mediaItems: Indicator;
  readonly provincialKeyProducts: Indicator;
  /** Per unit of the plan's level (districts for Plan 180): key products of that unit in force. */
  readonly unitKeyProducts: readonly UnitIndicator[];
  readonly salesPoints: Indicator;
}

export function otherTargets(view: View, provinceCode: string, year: number): OtherTargetsReport {
  const { day } = yearScope(view.models, year, view.day);
  const frame = reportFrame(view.models, provinceCode, year, day);
  const targets = frame.plan?.otherTargets ?? {};
  const media = mediaCoverage(view, provinceCode, year);
  const perMonth = targets.mediaItemsPerMonth ?? null;
  const designations = [...view.models.keyProducts.values()]
    .flat()
    .filter((d) => inForce(d, day) && provinceOfProduct(view.models, d.productId, frame.placementDay) === provinceCode);
  const openPoints = [...view.models.salesPoints.values()].filter(
    (p) => openOn(p, day) && locateOrFirst(placementOf(p), frame.placementDay).province?.code === provinceCode,
  );
  return {
    year,
    provinceCode,
    statusDay: day,
    mediaItemsPerMonth: perMonth,
    mediaMonthsMet: media.months.filter((m) => m.met).length,
    mediaItems: { target: (perMonth ?? 0) * 12, actual: media.total },
    provincialKeyProducts: {
      target: targets.provincialKeyProducts ?? 0,
      actual: designations.filter((d) => d.level === 'PROVINCE').length,
    },
    unitKeyProducts:
      frame.level === 'PROVINCE'
        ? []
        : frame.units.map((unit) => ({
            unit: { code: unit.code, name: unit.name, level: unit.level },
            target: targets.keyProductsPerUnit ?? 0,
            actual: designations.filter((d) => d.level === unit.level && d.unitCode === unit.code).length,
          })),
    salesPoints: { target: targets.salesPoints ?? 0, actual: openPoints.length },
  };
}
