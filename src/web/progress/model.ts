import { DISTRICT_TARGET_INDICATORS, districtTargets } from '#projections/districtTargets.projection';
import { QUALITY_INDICATORS, qualityManagement } from '#projections/qualityManagement.projection';
import type { Indicator, Report } from '#projections/report';
import type { View } from '#projections/index';
import { otherTargets } from '#projections/planTargets';
import { type SupportSpending, supportSpending } from '#projections/supportSpending';
import { UnavailableError } from '../../core/errors';
import { addDays, isBusinessDate, vietnamDate } from '../../domain/rules/businessDate';
import { daysOfProvinceIn } from '../../domain/rules/units/units';
import { abolishedOn } from '../../domain/rules/units/abolished';
import type { Services } from '../../application/services';

export interface ProgressRow {
  unit: { code: string; name: string };
  target: number;
  actual: number;
  /**
   * The share of the target due by the status day, if the year's work were spread evenly: not rounded,
   * so a target of 1 is behind with nothing done once any of the year has passed, as its province is.
   */
  expectedByNow: number;
  behindPlan: boolean;
}

export interface IndicatorProgress {
  indicator: string;
  rows: ProgressRow[];
  /** Subjects of the province that no unit of the plan's level places (an old subject without a commune). */
  unplaced: ProgressRow | null;
  total: ProgressRow;
}

export interface Progress {
  provinceCode: string;
  provinceName: string;
  year: number;
  planReference: string | null;
  /** The day certificate statuses are judged on: 31 December of the year, or today or the `asOf` day when earlier. */
  statusDay: string;
  asOf: string | null;
  annex1: IndicatorProgress[];
  annex2: IndicatorProgress[];
  /** The last day of the year the province existed on is past: the figures are final, not live. */
  closed: boolean;
  /** For a province merged away, the provinces that carry it on today; empty otherwise. */
  carriedOnBy: { code: string; name: string }[];
  /** What the plan counts beyond the annexes: media items, key products, sales points. */
  others: IndicatorProgress[];
  /** What support provided in the year cost, by source and unit (the support CSV). */
  spending: SupportSpending;
}

export interface ProgressQuestion {
  provinceCode: string;
  year: number;
  asOf: string | null;
}

/** A day as a form gives it: dd/mm/yyyy as the page writes it, or yyyy-mm-dd; null for anything else. */
export function dayFromForm(text: string): string | null {
  const written = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const day = written ? `${written[3]}-${written[2]!.padStart(2, '0')}-${written[1]!.padStart(2, '0')}` : text.trim();
  return isBusinessDate(day) ? day : null;
}

/** A question about a province in a year it existed, with an optional past day; null for anything else. */
export function parseProgressQuestion(provinceCode: string, year: string, asOf: string | null, today: string) {
  if (!/^20[0-9]{2}$/.test(year) || !daysOfProvinceIn(provinceCode, Number(year))) return null;
  const asked = asOf === null || asOf === '' ? null : dayFromForm(asOf);
  if (asOf !== null && asOf !== '' && !asked) return null;
  const pastDay = asked && asked < today ? asked : null;
  return { provinceCode, year: Number(year), asOf: pastDay } satisfies ProgressQuestion;
}

/** Annex 1 and Annex 2 for the province and year, judged on today or at the end of the `asOf` day. */
export async function progressOf(services: Services, question: ProgressQuestion): Promise<Progress> {
  const view = await viewOn(services, question.asOf);
  const { provinceCode, year } = question;
  const annex1 = districtTargets(view, provinceCode, year);
  const annex2 = qualityManagement(view, provinceCode, year);
  const fraction = yearElapsed(year, annex1.statusDay);
  return {
    provinceCode,
    provinceName: annex1.total.unit.name,
    year,
    planReference: annex1.planReference,
    statusDay: annex1.statusDay,
    asOf: question.asOf,
    annex1: byIndicator(annex1, DISTRICT_TARGET_INDICATORS, fraction),
    annex2: byIndicator(annex2, QUALITY_INDICATORS, fraction),
    closed: daysOfProvinceIn(provinceCode, year)!.last < vietnamDate(services.clock()),
    carriedOnBy: (abolishedOn(provinceCode, vietnamDate(services.clock()))?.successors ?? []).map(({ code, name }) => ({
      code,
      name,
    })),
    others: othersOf(view, provinceCode, year, fraction),
    spending: supportSpending(view, provinceCode, year),
  };
}

/** The targets beside the annexes as indicators: for the province as a whole, key products also per unit. */
function othersOf(view: View, provinceCode: string, year: number, fraction: number): IndicatorProgress[] {
  const report = otherTargets(view, provinceCode, year);
  const province = { code: provinceCode, name: '' };
  const row = (unit: { code: string; name: string }, figures: Indicator): ProgressRow => {
    const expectedByNow = Math.floor(figures.target * fraction);
    return { unit, ...figures, expectedByNow, behindPlan: figures.actual < expectedByNow };
  };
  const sum = (rows: readonly Indicator[]) => ({
    target: rows.reduce((n, r) => n + r.target, 0),
    actual: rows.reduce((n, r) => n + r.actual, 0),
  });
  const whole = (indicator: string, figures: Indicator) => ({
    indicator,
    rows: [],
    unplaced: null,
    total: row(province, figures),
  });
  return [
    whole('mediaItems', report.mediaItems),
    whole('provincialKeyProducts', report.provincialKeyProducts),
    {
      indicator: 'unitKeyProducts',
      rows: report.unitKeyProducts.map((r) => row(r.unit, r)),
      unplaced: null,
      total: row(province, sum(report.unitKeyProducts)),
    },
    whole('salesPoints', report.salesPoints),
  ];
}

async function viewOn(services: Services, asOf: string | null): Promise<View> {
  const { runner, timeTravel, clock } = services;
  if (runner.failure) throw new UnavailableError(`Read models stopped ${runner.failure.position}`);
  if (!asOf) return { models: runner.models, day: vietnamDate(clock()) };
  const endOfDay = new Date(Date.parse(`${addDays(asOf, 1)}T00:00:00+07:00`) - 1);
  return { models: await timeTravel.modelsAsOf(endOfDay), day: asOf };
}

/** How much of the plan year has passed on `day`: 0 before it starts, 1 once it is over. */
function yearElapsed(year: number, day: string): number {
  const start = Date.parse(`${year}-01-01`);
  const end = Date.parse(`${year + 1}-01-01`);
  const at = Date.parse(addDays(day, 1));
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

function byIndicator<K extends string>(report: Report<K>, indicators: readonly K[], fraction: number) {
  const row = (unit: { code: string; name: string }, figures: Indicator): ProgressRow => {
    const expectedByNow = figures.target * fraction;
    return { unit, ...figures, expectedByNow, behindPlan: figures.actual < expectedByNow };
  };
  return indicators.map((indicator) => ({
    indicator,
    rows: report.districts.map((r) => row(r.unit, r[indicator])),
    unplaced: report.unplaced && row(report.unplaced.unit, report.unplaced[indicator]),
    total: row(report.total.unit, report.total[indicator]),
  }));
}
