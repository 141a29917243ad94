import type { Ratio, Row } from './results';
import { formatNumber } from './stats';

function render(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** One Markdown table per workload, columns the union of its metrics, so the output pastes into the docs. */
export function resultsTables(rows: readonly Row[]): string {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  return workloads
    .map((workload) => {
      const group = rows.filter((r) => r.workload === workload);
      const keys = [...new Set(group.flatMap((r) => Object.keys(r.metrics)))];
      const hasNotes = group.some((r) => r.note);
      const header = ['case', 'variant', ...keys, ...(hasNotes ? ['note'] : [])];
      const lines = group.map((r) => [
        r.case,
        r.variant,
        ...keys.map((k) => formatNumber(r.metrics[k])),
        ...(hasNotes ? [r.note ?? ''] : []),
      ]);
      return `### ${workload}\n\n${render(header, lines)}`;
    })
    .join('\n\n');
}

export function ratiosTable(ratios: readonly Ratio[]): string {
  const verdict = (r: Ratio) => (r.met === null ? 'not measured' : r.met ? 'met' : 'MISSED');
  const value = (r: Ratio) =>
    r.value === null ? '–' : r.unit === '×' ? `${r.value}×` : `${formatNumber(r.value)} ${r.unit}`;
  return render(
    ['target', 'wanted', 'measured', 'verdict', 'from'],
    ratios.map((r) => [r.name, r.target, value(r), verdict(r), r.basis]),
  );
}
