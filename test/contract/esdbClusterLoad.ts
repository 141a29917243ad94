import { randomUUID } from 'node:crypto';
import { ConcurrencyError, UnavailableError } from '../../src/core/errors';
import { createRegistry } from '../../src/application/registry';
import type { CommandContext } from '../../src/application/metadata';
import type { EventStore, RecordedEvent } from '../../src/eventStore/eventStore';
import { testContext } from '../support/fixtures';

/** What one load run did, and what the log holds afterwards. */
export interface LoadReport {
  readonly commands: number;
  /** Commands sent again (same commandId) after an UNAVAILABLE answer. */
  readonly resent: number;
  /**
   * Commands sent again after CONFLICT ("kept changing"): a rival writer on the same product got in
   * first on every retry. Nothing was written for them, and a client is told to try again.
   */
  readonly conflicted: number;
  /** Commands that ended with anything but success after their retries: must be none. */
  readonly failures: readonly string[];
  /** Event ids found more than once in `$all`: must be none. */
  readonly duplicateEventIds: readonly string[];
  /** CommandIds whose events were written more than once: must be none. */
  readonly repeatedCommands: readonly string[];
}

/**
 * Several writers send commands for `seconds`, as a client of the service would: a new subject each,
 * and traceability records on a few shared products (so concurrent writes meet). An UNAVAILABLE or
 * CONFLICT answer is sent again with the same commandId, as a client told to try again would, until it
 * succeeds or `giveUpMs` passes; anything else is a failure. Then the whole log is read back and checked. Meant for a cluster whose leader is
 * killed during the run (docs/eventstoredb.md, "Killing the leader under load").
 */
export async function runClusterLoad(
  store: EventStore,
  options: { seconds: number; writers?: number; giveUpMs?: number; onProgress?: (line: string) => void },
): Promise<LoadReport> {
  const registry = createRegistry(store);
  const run = randomUUID().slice(0, 8);
  const subjectId = `load-${run}`;
  const products = [0, 1, 2, 3].map((n) => `load-${run}-p${n}`);
  const giveUpMs = options.giveUpMs ?? 60_000;
  const until = Date.now() + options.seconds * 1000;
  const failures: string[] = [];
  const eventsPerCommand = new Map<string, number>();
  let commands = 0;
  let resent = 0;
  let conflicted = 0;

  const send = async (context: CommandContext, command: () => Promise<{ events: readonly unknown[] }>) => {
    commands += 1;
    const started = Date.now();
    for (;;) {
      try {
        const result = await command();
        eventsPerCommand.set(context.commandId, result.events.length);
        return;
      } catch (error) {
        const again = error instanceof UnavailableError || error instanceof ConcurrencyError;
        if (again && Date.now() - started < giveUpMs) {
          if (error instanceof ConcurrencyError) conflicted += 1;
          else resent += 1;
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        failures.push(`${context.commandId}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  };

  // The subject and products the writers share, sent like every other command.
  const opening = testContext({ commandId: `load-${run}-subject` });
  const subject = {
    subjectId,
    name: `HTX ${run}`,
    kind: 'COOPERATIVE' as const,
    districtCode: '066',
    registeredOn: '2024-03-01',
  };
  await send(opening, () => registry.registerSubject(subject, opening));
  for (const productId of products) {
    const context = testContext({ commandId: `load-${run}-${productId}` });
    const product = {
      productId,
      subjectId,
      name: 'Miến dong',
      group: 'FOOD' as const,
      registrationKind: 'NEW' as const,
      registeredOn: '2024-03-10',
    };
    await send(context, () => registry.registerProduct(product, context));
  }

  const writer = async (w: number): Promise<void> => {
    for (let n = 0; Date.now() < until; n++) {
      const context = testContext({ commandId: `load-${run}-${w}-${n}` });
      if (n % 2 === 0) {
        const input = {
          subjectId: `load-${run}-s${w}-${n}`,
          name: `HTX ${w}-${n}`,
          kind: 'COOPERATIVE' as const,
          districtCode: '066',
          registeredOn: '2024-03-01',
        };
        await send(context, () => registry.registerSubject(input, context));
      } else {
        const input = { productId: products[w % products.length]!, system: `sys-${w}-${n}`, enabledOn: '2024-06-01' };
        await send(context, () => registry.recordTraceability(input, context));
      }
    }
  };
  const ticker = setInterval(() => options.onProgress?.(`${commands} commands, ${resent} sent again`), 5000);
  try {
    await Promise.all(Array.from({ length: options.writers ?? 8 }, (_, w) => writer(w)));
  } finally {
    clearInterval(ticker);
  }

  const seenIds = new Set<string>();
  const duplicateEventIds: string[] = [];
  const written = new Map<string, number>();
  for await (const event of store.readAll() as AsyncIterable<RecordedEvent>) {
    const commandId = String(event.metadata['commandId'] ?? '');
    if (!commandId.startsWith(`load-${run}-`)) continue;
    if (seenIds.has(event.id)) duplicateEventIds.push(event.id);
    seenIds.add(event.id);
    written.set(commandId, (written.get(commandId) ?? 0) + 1);
  }
  const repeatedCommands = [...eventsPerCommand]
    .filter(([id, count]) => (written.get(id) ?? 0) !== count)
    .map(([id]) => id);
  return { commands, resent, conflicted, failures, duplicateEventIds, repeatedCommands };
}
