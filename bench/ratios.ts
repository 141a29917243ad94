import { type Ratio, type Row, findRow, metric } from './support/results';
import { round } from './support/stats';
import { CONNECTIONS, LOADED_CASE, WORKLOAD as WHOLE_LOG } from './workloads/wholeLog/rows';

type Cell = readonly [workload: string, variant: string, caseName: string, key: string];

/** One cell of this run divided by another, or null when either was not measured. */
function quotient(rows: readonly Row[], ours: Cell, base: Cell): number | null {
  const a = metric(findRow(rows, ours[0], ours[1], ours[2]), ours[3]);
  const b = metric(findRow(rows, base[0], base[1], base[2]), base[3]);
  return a === null || b === null || b === 0 ? null : a / b;
}

function compare(
  rows: readonly Row[],
  name: string,
  target: string,
  ours: Cell,
  base: Cell,
  min: number,
  unit: '×' | '%',
): Ratio {
  const ratio = quotient(rows, ours, base);
  const value = ratio === null ? null : round(unit === '%' ? ratio * 100 : ratio, unit === '%' ? 0 : 2);
  return {
    name,
    target,
    value,
    unit,
    met: ratio === null ? null : ratio >= min,
    basis: `${ours[1]} ${ours[2]} ÷ ${base[1]} ${base[2]} (${ours[3]})`,
  };
}

function atMost(
  rows: readonly Row[],
  name: string,
  target: string,
  cell: Cell,
  max: number,
  unit: Ratio['unit'],
): Ratio {
  const value = metric(findRow(rows, cell[0], cell[1], cell[2]), cell[3]);
  return {
    name,
    target,
    value,
    unit,
    met: value === null ? null : value < max,
    basis: `${cell[1]} ${cell[2]} (${cell[3]})`,
  };
}

/** `ours` ÷ `base` as a percentage, met when it is at most `max` (a cost, where less is better). */
function shareAtMost(rows: readonly Row[], name: string, target: string, ours: Cell, base: Cell, max: number): Ratio {
  const share = quotient(rows, ours, base);
  return {
    name,
    target,
    value: share === null ? null : round(share * 100, 0),
    unit: '%',
    met: share === null ? null : share <= max,
    basis: `${ours[2]} ${ours[3]} ÷ ${base[3]}`,
  };
}

/** The targets, each computed from figures of this run only. */
export function computeRatios(rows: readonly Row[], mode: 'quick' | 'full'): Ratio[] {
  const a = (variant: string, caseName: string): Cell => ['appends', variant, caseName, 'events/s'];
  const ratios: Ratio[] = [
    compare(
      rows,
      'group commit, 16 writers',
      '≥ 5×',
      a('ocop', '1 event × 16 writers'),
      a('raw', '1 event × 16 writers'),
      5,
      '×',
    ),
  ];
  for (const batch of ['1 event', '10 events', '100 events']) {
    const c = `${batch} × 1 writer`;
    ratios.push(compare(rows, `single writer, ${batch}, vs raw ceiling`, '≥ 80%', a('ocop', c), a('raw', c), 0.8, '%'));
  }
  ratios.push(
    compare(
      rows,
      'vs Emmett, single-event appends',
      '≥ 10×',
      a('ocop', '1 event × 1 writer'),
      a('emmett', '1 event × 1 writer'),
      10,
      '×',
    ),
    compare(
      rows,
      'vs Emmett, batched appends (100)',
      '≥ 2×',
      a('ocop', '100 events × 1 writer'),
      a('emmett', '100 events × 1 writer'),
      2,
      '×',
    ),
  );
  const reads = rows.find((r) => r.workload === 'stream reads')?.case ?? '';
  ratios.push(
    compare(
      rows,
      'vs Emmett, stream reads',
      '≥ 2×',
      ['stream reads', 'ocop', reads, 'events/s'],
      ['stream reads', 'emmett', reads, 'events/s'],
      2,
      '×',
    ),
  );
  const replay = rows.find((r) => r.workload === 'replay')?.case ?? '';
  ratios.push(
    compare(
      rows,
      'replay vs raw read + parse',
      '≥ 60%',
      ['replay', 'ocop', replay, 'events/s'],
      ['replay', 'raw', replay, 'events/s'],
      0.6,
      '%',
    ),
  );
  if (mode === 'full')
    ratios.push(atMost(rows, 'replay of the nation log', '< 10 s', ['replay', 'ocop', replay, 'seconds'], 10, 's'));
  ratios.push(atMost(rows, 'replay peak RSS', '< 1024 MiB', ['replay', 'ocop', replay, 'peak RSS MiB'], 1024, 'MiB'));
  // Only a large log's models outweigh what the process's memory moves by on its own.
  if (mode === 'full')
    ratios.push(
      shareAtMost(
        rows,
        'memory a snapshot write takes beyond the read models',
        '≤ 50% (peak ≤ 1.5× the models)',
        ['replay', 'ocop', replay, 'snapshot write extra MiB'],
        ['replay', 'ocop', replay, 'models MiB'],
        0.5,
      ),
    );
  // The bare server answers the same constant whoever asks; the service checks the token of a signed-in read.
  for (const [query, bare] of [
    ['districtTargets', 'districtTargets'],
    ['districtTargets, signed in', 'districtTargets'],
    ['products (first 20, one district)', 'products (first 20, one district)'],
  ] as const) {
    const remembered: Cell = ['graphql', 'ocop', `${query} @ 16`, 'req/s'];
    const first: Cell = ['graphql', 'ocop-first', `${query} @ 16`, 'req/s'];
    const sameAnswer: Cell = ['graphql', 'apollo', `${bare} @ 16`, 'req/s'];
    ratios.push(
      compare(
        rows,
        `GraphQL ${query} repeated vs bare Apollo, same answer @ 16`,
        '≥ 2×',
        remembered,
        sameAnswer,
        2,
        '×',
      ),
      atMost(
        rows,
        `GraphQL ${query} repeated p99 @ 16`,
        '< 10 ms',
        ['graphql', 'ocop', `${query} @ 16`, 'p99 ms'],
        10,
        'ms',
      ),
      compare(rows, `GraphQL ${query} first answers vs bare Apollo @ 16`, '≥ 60%', first, sameAnswer, 0.6, '%'),
    );
  }
  const startUp = (how: string): Cell => ['graphql', 'ocop', `start-up to /readyz, ${how}`, 'seconds'];
  if (mode === 'full')
    ratios.push(atMost(rows, 'start-up from a snapshot, nation log', '< 1.5 s', startUp('from a snapshot'), 1.5, 's'));
  // The quick run's log is the province's, too short for the target's whole-log work to weigh.
  for (const connections of mode === 'full' ? CONNECTIONS : []) {
    const cell: Cell = [WHOLE_LOG, 'ocop', LOADED_CASE(15, connections), 'p99 ms'];
    ratios.push(
      atMost(rows, `cheap anonymous p99 while 15 whole-log requests run, ${connections}`, '< 100 ms', cell, 100, 'ms'),
    );
  }
  return ratios;
}
