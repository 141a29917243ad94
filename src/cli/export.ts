import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCursor } from '../application/eventLog';
import { toExportLine } from '../application/exportFormat';
import { loadConfig } from '../config';
import { openStore } from '../openStore';
import { type CliIo, formatCount, headOf, option, processIo, progressReporter, rate } from './historyIo';

const CHUNK = 1 << 16;

async function finish(sink: NodeJS.WritableStream): Promise<void> {
  const finished = once(sink, 'finish');
  sink.end();
  await finished;
}

/**
 * `ocop export [--out FILE] [--after POSITION]`: the log as NDJSON, one event a line in log order
 * (position, stream, revision, id, type, data, metadata, recordedAt), to FILE or standard output.
 */
export async function exportLog(args: string[], io: CliIo = processIo): Promise<void> {
  const file = option(args, '--out');
  const afterText = option(args, '--after');
  const after = afterText ? parseCursor(afterText, '--after') : null;
  const store = await openStore(loadConfig(io.env));
  const sink = file ? createWriteStream(file) : io.stdout;
  try {
    const began = performance.now();
    const progress = progressReporter(io, 'export', await headOf(store));
    let buffered = '';
    let events = 0;
    for await (const event of store.readAll(after ? { from: after } : {})) {
      if (after && event.position.commit === after.commit && event.position.prepare === after.prepare) continue;
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
