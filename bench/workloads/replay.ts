import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COMPILED_BENCH } from '../support/paths';
import type { Row } from '../support/results';
import { round } from '../support/stats';

const run = promisify(execFile);

interface ReplayResult {
  variant: string;
  events: number;
  ms: number;
  peakRssMiB: number;
  detail: string;
  modelsMiB?: number;
  writeMs?: number;
  writeExtraMiB?: number;
}

/** Replays the log in a child process (its peak RSS measured alone) and reads its one-line report. */
export async function measureReplay(variant: 'ocop' | 'raw', datasetPath: string, profileDir?: string): Promise<Row> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { stdout } = await run(
    process.execPath,
    [...profile, '--expose-gc', join(COMPILED_BENCH, 'workloads', 'replayChild.js'), variant, datasetPath],
    { maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ReplayResult;
  const snapshot: Record<string, number> =
    result.modelsMiB === undefined
      ? {}
      : {
          'models MiB': round(result.modelsMiB, 0),
          'snapshot write s': round(result.writeMs! / 1000, 2),
          'snapshot write extra MiB': round(result.writeExtraMiB!, 0),
        };
  return {
    workload: 'replay',
    case: `${result.events.toLocaleString('en-US')} events`,
    variant,
    metrics: {
      'events/s': round(result.events / (result.ms / 1000), 0),
      seconds: round(result.ms / 1000, 2),
      'peak RSS MiB': round(result.peakRssMiB, 0),
      ...snapshot,
    },
    note: result.detail,
  };
}
