import { stringify } from 'csv-stringify/sync';
import type { Progress } from './model';

const COLUMNS = ['breakdown', 'key', 'name', 'amountVnd', 'year'];

/**
 * What support provided in the plan year cost, in whole đồng: one line per funding source, one for
 * amounts recorded without a source, one per unit, and the total, with stable English column names.
 * A byte-order mark lets spreadsheet programs read the Vietnamese names.
 */
export function supportCsv(progress: Progress): string {
  const { spending } = progress;
  const lines: (string | number)[][] = [
    ...spending.bySource.map((s) => ['source', s.source, '', s.amountVnd, spending.year]),
    ['source', 'UNATTRIBUTED', '', spending.unattributedVnd, spending.year],
    ...spending.byUnit.map((u) => ['unit', u.unit.code, u.unit.name, u.amountVnd, spending.year]),
    ['total', progress.provinceCode, progress.provinceName, spending.totalVnd, spending.year],
  ];
  return stringify(lines, { header: true, columns: COLUMNS, bom: true });
}
