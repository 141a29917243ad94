import { join } from 'node:path';
import type { CommandContext } from '../../src/application/metadata';
import type { CommandResult } from '../../src/application/registry';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { createServices } from '../../src/application/services';
import type { Row } from '../support/results';
import { Latencies, round } from '../support/stats';
import { copyDatabase, removeDatabase } from '../support/files';

const OFFICER = { id: 'bench-officer', role: 'PROVINCIAL_OFFICER', unit: '06' } as const;

/**
 * Whole commands in process, as a mutation runs them minus HTTP: load the stream, decide, append
 * (hash chain, idempotency check), then wait until the projection runner has applied the events.
 * Each writer registers a product for an existing subject, awards it stars and records a quality
 * certification, over and over, on a copy of the province log.
 */
export async function measureCommands(datasetPath: string, dir: string, writers: number, durationMs: number) {
  const path = join(dir, 'commands.db');
  copyDatabase(datasetPath, path);
  const store = getSqliteEventStore({ path });
  const services = createServices(store);
  await services.runner.start();
  const subjects = [...services.runner.models.subjects.keys()];
  // The generated subjects live in Bắc Kạn's districts, which were merged away on 1 July 2025: the
  // commands are dated on the last day their district existed.
  const today = '2025-06-30';
  const latencies = new Latencies();
  let sequence = 0;
  const run = async (command: (context: CommandContext) => Promise<CommandResult<unknown>>) => {
    const commandId = `bench-${process.pid}-${++sequence}`;
    const context = { commandId, correlationId: commandId, causationId: null, actor: OFFICER, now: new Date() };
    await latencies.time(async () => {
      const result = await command(context);
      if (result.position) await services.runner.waitFor(result.position);
    });
  };
  const writer = async (index: number, deadline: number) => {
    for (let round = 0; performance.now() < deadline; round++) {
      const productId = `bench-${index}-${round}-${sequence}`;
      const subjectId = subjects[(index * 7919 + round) % subjects.length]!;
      const { registry } = services;
      await run((c) =>
        registry.registerProduct(
          {
            productId,
            subjectId,
            name: 'Miến dong Na Rì',
            group: 'FOOD',
            registrationKind: 'NEW',
            registeredOn: today,
          },
          c,
        ),
      );
      await run((c) =>
        registry.awardStars(
          { productId, level: 'PROVINCE', score: 76, decisionNo: `${c.commandId}/QĐ`, decidedOn: today },
          c,
        ),
      );
      await run((c) =>
        registry.recordQualityCertification(
          { productId, standard: 'VIETGAP', certificateNo: c.commandId, issuedOn: today, validUntil: null },
          c,
        ),
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: writers }, (_, i) => writer(i, performance.now() + durationMs / 5)));
    latencies.reset();
    const started = performance.now();
    await Promise.all(Array.from({ length: writers }, (_, i) => writer(i + writers, started + durationMs)));
    const seconds = (performance.now() - started) / 1000;
    const row: Row = {
      workload: 'commands',
      case: `register + award + certify × ${writers} writer${writers > 1 ? 's' : ''}`,
      variant: 'ocop',
      metrics: {
        'commands/s': round(latencies.count / seconds, 0),
        'p50 ms': round(latencies.percentile(50), 3),
        'p99 ms': round(latencies.percentile(99), 3),
      },
    };
    return row;
  } finally {
    await services.runner.stop();
    await store.close();
    removeDatabase(path);
  }
}
