import { Command } from 'commander';
import type { Logger } from '../observability/logger';
import { countModels, plainModels } from '#projections/modelsSnapshot';
import { replayInto, replayLog } from '#projections/replay';
import { loadNewestSnapshot } from '#projections/snapshots';
import type { ProjectionRunner } from '#projections/runner';
import { sha256 } from '../application/hashChain';
import { canonicalJson } from '../core/json';
import { type GlobalPosition, formatPosition } from '../eventStore/eventStore';
import { createReadModels } from '#projections/index';
import { loadConfig } from '../config/index';
import { openStore } from './openStore';
import { formatCount, headOf, progressReporter, rate } from './historyIo';
import { type CliIo, UsageError } from './io';

export interface ReplayOptions {
  readonly fingerprint?: boolean;
  readonly fromSnapshot?: boolean;
}

/**
 * Rebuilds every read model from the log, from nothing (or, with `fromSnapshot`, from the snapshot the
 * service would start from), through the same reducers the service uses, and
 * prints what it built: entries per model, events and events/second. The fingerprint is a SHA-256 of the
 * models' content, to compare two stores (say, before and after an import) without a running service.
 */
export async function replay(options: ReplayOptions, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  if (options.fromSnapshot && !config.snapshots)
    throw new UsageError(
      '--from-snapshot needs snapshots: OCOP_SNAPSHOT_DIR with EventStoreDB, OCOP_SNAPSHOTS not false, and in production OCOP_SNAPSHOT_KEY or OCOP_JWT_SECRET to check them with',
    );
  const store = await openStore(io.env);
  try {
    const restored =
      options.fromSnapshot && config.snapshots
        ? await loadNewestSnapshot(store, config.snapshots, (line) => void io.stderr.write(`${line}\n`))
        : null;
    if (restored) io.stderr.write(`from snapshot ${restored.file}, at ${formatPosition(restored.position)}\n`);
    const progress = progressReporter(io, 'replay', await headOf(store));
    const onProgress = (p: { events: number; position: GlobalPosition }) => progress.update(p.events, p.position);
    const result = restored
      ? await replayInto(store, () => restored.models, { after: restored.position, onProgress })
      : await replayLog(store, { onProgress });
    const models = result.models ?? restored?.models ?? createReadModels();
    progress.done();
    const seconds = (result.elapsedMs / 1000).toFixed(2);
    const upTo = result.position ? `, up to position ${formatPosition(result.position)}` : '';
    const lines = [
      `replayed ${formatCount(result.events)} events in ${seconds} s (${rate(result.events, result.elapsedMs)} events/s)${upTo}`,
      ...Object.entries(countModels(models)).map(([name, count]) => `  ${name.padEnd(14)} ${formatCount(count)}`),
    ];
    if (options.fingerprint) lines.push(`fingerprint    ${sha256(canonicalJson(plainModels(models)))}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

export const replayCommand = (io: CliIo): Command =>
  new Command('replay')
    .description('Rebuild every read model from the log and print what it built: entries per model, events/s.')
    .option('--fingerprint', "add a SHA-256 of the models' content, to compare two stores")
    .option('--from-snapshot', 'start from the newest usable read-model snapshot and replay only the events after it')
    .action((options: ReplayOptions) => replay(options, io));

/**
 * The service's SIGHUP: rebuild every read model beside the live ones, which keep answering, and switch
 * when caught up. A failure leaves the live models in place.
 */
export async function rebuildOnHangup(runner: ProjectionRunner, logger: Logger): Promise<void> {
  logger.info('SIGHUP: rebuilding the read models beside the live ones');
  try {
    const result = await runner.rebuild();
    logger.info(
      { events: result.events, elapsedMs: result.elapsedMs, passes: result.passes },
      `SIGHUP: switched to read models rebuilt from ${formatCount(result.events)} events in ` +
        `${(result.elapsedMs / 1000).toFixed(2)} s (${result.passes} pass(es))`,
    );
  } catch (error) {
    logger.error({ err: error }, `SIGHUP: rebuild failed, the live read models stay: ${(error as Error).message}`);
  }
}
