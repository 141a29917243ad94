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
 * One line per annex, indicator and unit (then subjects no unit places, if any, and the province total), with stable
 * English column names for scripts. A byte-order mark lets spreadsheet programs read the Vietnamese names.
 */
export function progressCsv(progress: Progress): string {
  const lines: (string | number | boolean)[][] = [];
  for (const [annex, indicators] of [
    ['1', progress.annex1],
    ['2', progress.annex2],
  ] as const) {
    for (const { indicator, rows, unplaced, total } of indicators) {
      const unplacedRow = unplaced && { ...unplaced, unit: { code: 'unplaced', name: unplaced.unit.name } };
      for (const row of [...rows, ...(unplacedRow ? [unplacedRow] : []), total]) {
        lines.push([
          annex,
          indicator,
          row.unit.code,
          row.unit.name,
          row.target,
          row.actual,
          Math.round(row.expectedByNow * 100) / 100,
          row.behindPlan,
          progress.statusDay,
        ]);
      }
    }
  }
  return stringify(lines, { header: true, columns: COLUMNS, bom: true, cast: { boolean: (value) => String(value) } });
}
