import { join } from 'node:path';
import type { NewEvent } from '../../src/eventStore/eventStore';
import type { Row } from '../support/results';
import { Latencies, round } from '../support/stats';
import { removeDatabase } from '../support/files';
import { type AppendTarget, type AppendVariant, openTarget } from './appendTargets';
import { PayloadCycle } from './payloads';

export interface AppendCase {
  readonly batch: number;
  readonly writers: number;
}

export const appendCaseName = (c: AppendCase): string =>
  `${c.batch} event${c.batch > 1 ? 's' : ''} × ${c.writers} writer${c.writers > 1 ? 's' : ''}`;

interface Drive {
  readonly target: AppendTarget;
  readonly cycle: PayloadCycle;
  readonly streamPrefix: string;
  readonly deadline: number;
  readonly latencies?: Latencies;
}

/** Each writer appends `batch` events at a time to its own stream, at the revision it last wrote, until the deadline. */
async function drive(c: AppendCase, d: Drive): Promise<{ events: number; failures: number; firstError?: string }> {
  let events = 0;
  let failures = 0;
  let firstError: string | undefined;
  const writer = async (index: number) => {
    const streamId = `${d.streamPrefix}-${index}`;
    let revision = -1n;
    while (performance.now() < d.deadline) {
      const batch = d.cycle.take(c.batch);
      const started = performance.now();
      try {
        await d.target.append(streamId, batch, revision < 0n ? 'no_stream' : revision);
      } catch (error) {
        failures++;
        firstError ??= (error as Error).message;
        return; // a writer that fails stops: its revision is no longer known
      }
      d.latencies?.record(performance.now() - started);
      revision += BigInt(c.batch);
      events += c.batch;
    }
  };
  await Promise.all(Array.from({ length: c.writers }, (_, i) => writer(i)));
  return { events, failures, firstError };
}

/** One cell of the append matrix on a fresh file: a short warm-up, then `durationMs` measured. */
export async function measureAppends(
  variant: AppendVariant,
  c: AppendCase,
  payloads: readonly NewEvent[],
  dir: string,
  durationMs: number,
): Promise<Row> {
  const path = join(dir, `appends-${variant}.db`);
  const target = openTarget(variant, path);
  const cycle = new PayloadCycle(payloads);
  try {
    await drive(c, { target, cycle, streamPrefix: 'warm-up', deadline: performance.now() + durationMs / 5 });
    const latencies = new Latencies();
    const started = performance.now();
    const run = await drive(c, { target, cycle, streamPrefix: 'bench', deadline: started + durationMs, latencies });
    const seconds = (performance.now() - started) / 1000;
    return {
      workload: 'appends',
      case: appendCaseName(c),
      variant,
      metrics: {
        'events/s': round(run.events / seconds, 0),
        'appends/s': round(latencies.count / seconds, 0),
        'p50 ms': round(latencies.percentile(50), 3),
        'p99 ms': round(latencies.percentile(99), 3),
      },
      note: run.failures > 0 ? `${run.failures} writer(s) failed: ${run.firstError}` : undefined,
    };
  } finally {
    await target.close();
    removeDatabase(path);
  }
}
