import { stringify } from 'csv-stringify/sync';
import type { Progress } from './model';

const COLUMNS = [
  'annex',
  'indicator',
  'unitCode',
  'unitName',
  'target',
  'actual',
  'expectedByNow',
  'behindPlan',
  'statusDay',
];

/**
 * One line per annex, indicator and unit (the province total last in each indicator), with stable
 * English column names for scripts. A byte-order mark lets spreadsheet programs read the Vietnamese names.
 */
export function progressCsv(progress: Progress): string {
  const lines: (string | number | boolean)[][] = [];
  for (const [annex, indicators] of [
    ['1', progress.annex1],
    ['2', progress.annex2],
  ] as const) {
    for (const { indicator, rows, total } of indicators) {
      for (const row of [...rows, total]) {
        lines.push([
          annex,
          indicator,
          row.unit.code,
          row.unit.name,
          row.target,
          row.actual,
          row.expectedByNow,
          row.behindPlan,
          progress.statusDay,
        ]);
      }
    }
  }
  return stringify(lines, { header: true, columns: COLUMNS, bom: true, cast: { boolean: (value) => String(value) } });
}
