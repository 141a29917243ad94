import { Command, Option } from 'commander';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { toExportLine } from '../application/exportFormat';
import type { GlobalPosition } from '../eventStore/eventStore';
import { openStore } from './openStore';
import { positionArgument } from './arguments';
import { formatCount, headOf, progressReporter, rate } from './historyIo';
import type { CliIo } from './io';

const CHUNK = 1 << 16;

async function finish(sink: NodeJS.WritableStream): Promise<void> {
  const finished = once(sink, 'finish');
  sink.end();
  await finished;
}

export interface ExportOptions {
  readonly out?: string;
  readonly after?: GlobalPosition;
}

/**
 * The log as NDJSON, one event a line in log order (position, stream, revision, id, type, data, metadata,
 * recordedAt), to a file or standard output.
 */
async function exportLog(options: ExportOptions, io: CliIo): Promise<void> {
  const { out: file, after } = options;
  const store = await openStore(io.env);
  const sink = file ? createWriteStream(file) : io.stdout;
  try {
    const began = performance.now();
    const progress = progressReporter(io, 'export', await headOf(store));
    let buffered = '';
    let events = 0;
    for await (const event of store.readAll(after ? { after } : {})) {
      buffered += toExportLine(event);
      events += 1;
      if (buffered.length >= CHUNK) {
        if (!sink.write(buffered)) await once(sink, 'drain');
        buffered = '';
        progress.update(events, event.position);
      }
    }
    if (buffered) sink.write(buffered);
    progress.done();
    if (file) await finish(sink);
    const ms = performance.now() - began;
    io.stderr.write(
      `exported ${formatCount(events)} events${file ? ` to ${file}` : ''} in ${(ms / 1000).toFixed(1)} s (${rate(events, ms)} events/s)\n`,
    );
  } finally {
    await store.close();
  }
}

export const exportCommand = (io: CliIo): Command =>
  new Command('export')
    .description('Write the log as NDJSON, one event a line in log order, for `ocop import`.')
    .option('--out <file>', 'write to FILE instead of standard output')
    .addOption(new Option('--after <position>', 'only the events after this position').argParser(positionArgument))
    .action((options: ExportOptions) => exportLog(options, io));
