import { type ReadModels, applyEvent, createReadModels } from '../../../projections';
import { GENESIS_HASH, hashEvent } from '../../../src/application/hashChain';
import { upcast } from '../../../src/domain/upcast';
import type { RecordedEvent } from '../../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../../src/eventStore/sqlite';
import type { Ledger } from './workload';

/** Every event in a SQLite store file, read through the adapter (the server may still have it open). */
export async function readLog(path: string): Promise<RecordedEvent[]> {
  const store = getSqliteEventStore({ path });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

export function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  return groupBy(events, (event) => event.streamId);
}

export function byCommand(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  return groupBy(events, (event) => String(event.metadata['commandId']));
}

function groupBy(
  events: readonly RecordedEvent[],
  key: (event: RecordedEvent) => string,
): Map<string, RecordedEvent[]> {
  const groups = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const group = groups.get(key(event));
    if (group) group.push(event);
    else groups.set(key(event), [event]);
  }
  return groups;
}

/**
 * Recomputes every stream's hash chain: revisions run 0, 1, 2 … without a gap, each event's hash is
 * the hash of its content, and each prevHash is the previous event's hash (the first one's is genesis).
 */
export function hashChainProblems(events: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  for (const [streamId, stream] of byStream(events)) {
    let prevHash = GENESIS_HASH;
    stream.forEach((event, index) => {
      const at = `${streamId}@${event.revision}`;
      if (event.revision !== BigInt(index)) problems.push(`${at}: expected revision ${index}`);
      if (event.metadata['prevHash'] !== prevHash) problems.push(`${at}: prevHash does not link`);
      if (event.metadata['hash'] !== hashEvent(event)) problems.push(`${at}: hash does not match its content`);
      prevHash = String(event.metadata['hash']);
    });
  }
  return problems;
}

/**
 * One command = one append: its events sit in one stream at consecutive revisions and positions, no
 * type twice (a command applied twice would repeat it), and an award carries all of its parts: the
 * evaluation, the certificate it names, and the supersession the certificate announces.
 */
export function atomicityProblems(events: readonly RecordedEvent[]): string[] {
  const problems: string[] = [];
  for (const [commandId, group] of byCommand(events)) {
    const first = group[0]!;
    const contiguous = group.every(
      (e, i) =>
        e.streamId === first.streamId &&
        e.revision === first.revision + BigInt(i) &&
        e.position.commit === first.position.commit + BigInt(i),
    );
    if (!contiguous) problems.push(`${commandId}: events are not one contiguous append`);
    const types = group.map((e) => e.type);
    if (new Set(types).size !== types.length) problems.push(`${commandId}: a type repeats (${types.join(', ')})`);
    const has = (type: string, test: (data: RecordedEvent['data']) => boolean) =>
      group.some((e) => e.type === type && test(e.data));
    for (const { type, data } of group) {
      if (type === 'ProductEvaluated' && data['certificateId'] !== null) {
        if (!has('CertificateIssued', (d) => d['certificateId'] === data['certificateId']))
          problems.push(`${commandId}: evaluation without its certificate ${String(data['certificateId'])}`);
      }
      if (type === 'CertificateIssued') {
        if (!has('ProductEvaluated', (d) => d['certificateId'] === data['certificateId']))
          problems.push(`${commandId}: certificate ${String(data['certificateId'])} without its evaluation`);
        if (
          data['supersedes'] !== null &&
          !has('CertificateSuperseded', (d) => d['supersededBy'] === data['certificateId'])
        )
          problems.push(`${commandId}: certificate ${String(data['certificateId'])} without its supersession`);
      }
      if (
        type === 'CertificateSuperseded' &&
        !has('CertificateIssued', (d) => d['certificateId'] === data['supersededBy'])
      )
        problems.push(`${commandId}: supersession without the certificate ${String(data['supersededBy'])}`);
    }
  }
  return problems;
}

/** The read models built from scratch, the way a fresh process would. */
export function replay(events: readonly RecordedEvent[]): ReadModels {
  const models = createReadModels();
  for (const event of events) applyEvent(models, upcast(event));
  return models;
}

/** Commands the server makes on its own: the seeded plan. */
const SERVER_COMMANDS = new Set(['seed:plan-180-KH-UBND-2024']);

/** An acknowledged command has all its events, and the certificate it announced. */
export function acknowledgedProblems(events: readonly RecordedEvent[], ledger: Ledger): string[] {
  const problems: string[] = [];
  const groups = byCommand(events);
  for (const [commandId, outcome] of ledger) {
    if (outcome.state !== 'acked') continue;
    const found = groups.get(commandId) ?? [];
    if (found.length !== outcome.events)
      problems.push(`${commandId}: acknowledged with ${outcome.events} events, ${found.length} stored`);
    const certificate = outcome.certificateId;
    if (certificate && !found.some((e) => e.type === 'CertificateIssued' && e.data['certificateId'] === certificate))
      problems.push(`${commandId}: acknowledged certificate ${certificate} is not stored`);
  }
  return problems;
}

/** A refused command has no event in the log. */
export function refusedProblems(events: readonly RecordedEvent[], ledger: Ledger): string[] {
  const groups = byCommand(events);
  return [...ledger]
    .filter(([commandId, outcome]) => outcome.state === 'refused' && groups.has(commandId))
    .map(([commandId]) => `${commandId}: refused, yet appended`);
}

/** Every command in the log was sent by a client, or is the server's own. */
export function unsentProblems(events: readonly RecordedEvent[], ledger: Ledger): string[] {
  return [...byCommand(events).keys()]
    .filter((commandId) => !ledger.has(commandId) && !SERVER_COMMANDS.has(commandId))
    .map((commandId) => `${commandId}: stored, never sent`);
}

/** Answers no client should get (anything but success or a known refusal). */
export function unexpectedAnswers(ledger: Ledger): string[] {
  return [...ledger].flatMap(([commandId, outcome]) =>
    outcome.state === 'unexpected' ? [`${commandId}: unexpected answer ${outcome.answer}`] : [],
  );
}
