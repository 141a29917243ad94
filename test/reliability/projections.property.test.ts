import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CommandContext } from '../../src/application/metadata';
import { DomainError } from '../../src/core/errors';
import { addDays } from '../../src/domain/rules/businessDate';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { type Services, createServices } from '../../src/application/services';
import { replay } from './support/history';
import { intFromEnv, printFigures } from './support/random';

/**
 * Property: the live read models, fed by the projection runner while commands run (several at a
 * time, so appends share commits and race on streams), always equal read models replayed from
 * scratch over the same log.
 */
const RUNS = intFromEnv('PROJECTION_RUNS', 25);
const NOW = new Date('2025-01-15T03:00:00Z');
const ACTOR = { id: 'property', role: 'PROVINCIAL_OFFICER', unit: '06' } as const;

const date = fc.integer({ min: 0, max: 740 }).map((d) => addDays('2023-01-01', d));
const subjectId = fc.constantFrom('s0', 's1', 's2');
const productId = fc.constantFrom('p0', 'p1', 'p2', 'p3');
const text = fc.constantFrom('HTX Na Rì', 'Miến dong', 'Trà hoa vàng', 'Mật ong Ba Bể', ' ');
const district = fc.constantFrom('058', '061', '064', '066', '999');
const counts = fc.integer({ min: 0, max: 5 });

/** One registry call, as a name and its input. */
const command = fc.oneof(
  fc.record({
    name: fc.constant('registerSubject'),
    input: fc.record({
      subjectId,
      name: text,
      kind: fc.constantFrom('COOPERATIVE', 'ENTERPRISE'),
      districtCode: district,
      registeredOn: date,
    }),
  }),
  fc.record({
    name: fc.constant('registerProduct'),
    input: fc.record({
      productId,
      subjectId,
      name: text,
      group: fc.constantFrom('FOOD', 'HERBAL'),
      registrationKind: fc.constantFrom('NEW', 'UPGRADE'),
      registeredOn: date,
    }),
  }),
  fc.record({
    name: fc.constant('awardStars'),
    input: fc.record({
      productId,
      level: fc.constantFrom('DISTRICT', 'PROVINCE'),
      score: fc.integer({ min: 20, max: 100 }),
      decisionNo: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      decidedOn: date,
    }),
  }),
  fc.record({
    name: fc.constant('revokeCertificate'),
    input: fc.record({
      certificateId: fc.tuple(productId, fc.integer({ min: 1, max: 3 })).map(([p, n]) => `${p}.C${n}`),
      reason: fc.constant('MARK_MISUSE'),
      details: text,
      decisionNo: fc.constant('TH'),
      decidedOn: date,
    }),
  }),
  fc.record({
    name: fc.constant('recordLinkage'),
    input: fc.record({
      subjectId,
      partnerName: text,
      kind: fc.constant('CONSUMPTION'),
      startedOn: date,
      endedOn: fc.option(date, { nil: null }),
    }),
  }),
  fc.record({
    name: fc.constant('recordSupport'),
    input: fc.record({
      subjectId,
      programme: fc.constantFrom('CONSOLIDATION', 'INTENSIVE'),
      providedOn: date,
      description: text,
    }),
  }),
  fc.record({
    name: fc.constant('recordTraceability'),
    input: fc.record({ productId, system: text, enabledOn: date }),
  }),
  fc.record({
    name: fc.constant('recordQualityCertification'),
    input: fc.record({
      productId,
      standard: fc.constantFrom('VIETGAP', 'HACCP'),
      certificateNo: text,
      issuedOn: date,
      validUntil: fc.option(date, { nil: null }),
    }),
  }),
  fc.record({
    name: fc.constant('adoptPlan'),
    input: fc.record({
      reference: fc.constant('180/KH-UBND'),
      provinceCode: fc.constant('06'),
      year: fc.constantFrom(2023, 2024),
      adoptedOn: date,
      targets: fc.array(
        fc.record({
          districtCode: district,
          newProducts3Star: counts,
          consolidatedSubjects: counts,
          newSubjects: counts,
          traceabilityProducts: counts,
          linkageSubjects: counts,
          advancedQmProducts: counts,
        }),
        { maxLength: 3 },
      ),
    }),
  }),
);
/** Commands in batches; a batch runs concurrently. */
const batches = fc.array(fc.array(command, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

type Call = { name: string; input: object };

/** Every run starts from the same few subjects and products, so most random commands find their target. */
const SETUP: Call[][] = [
  ['s0', 's1', 's2'].map((id, i) => ({
    name: 'registerSubject',
    input: {
      subjectId: id,
      name: `HTX ${id}`,
      kind: 'COOPERATIVE',
      districtCode: ['058', '061', '066'][i]!,
      registeredOn: '2023-01-02',
    },
  })),
  ['p0', 'p1', 'p2', 'p3'].map((id, i) => ({
    name: 'registerProduct',
    input: {
      productId: id,
      subjectId: `s${i % 3}`,
      name: `Sản phẩm ${id}`,
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2023-01-03',
    },
  })),
];

async function readAll(services: Services): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of services.store.readAll()) events.push(event);
  return events;
}

describe('Live read models against a fresh replay', () => {
  it(`should be equal after every batch of concurrent commands, over ${RUNS} random runs`, async () => {
    const figures = { runs: 0, batches: 0, commands: 0, accepted: 0, refused: 0, comparisons: 0, events: 0 };
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(batches, async (plan) => {
        figures.runs += 1;
        const dir = mkdtempSync(join(tmpdir(), 'ocop-live-'));
        const services = createServices(getSqliteEventStore({ path: join(dir, 'ocop.db') }), () => NOW);
        await services.runner.start();
        try {
          for (const batch of [...SETUP, ...plan]) {
            figures.batches += 1;
            const outcomes = await Promise.allSettled(
              batch.map(({ name, input }: Call) => {
                const context: CommandContext = {
                  commandId: `c${++sequence}`,
                  correlationId: 'property',
                  causationId: null,
                  actor: ACTOR,
                  now: NOW,
                };
                const run = (
                  services.registry as unknown as Record<string, (i: object, c: CommandContext) => Promise<unknown>>
                )[name]!;
                return run(input, context);
              }),
            );
            for (const outcome of outcomes) {
              figures.commands += 1;
              if (outcome.status === 'fulfilled') figures.accepted += 1;
              else if (outcome.reason instanceof DomainError) figures.refused += 1;
              else throw outcome.reason;
            }
            const events = await readAll(services);
            const head = events.at(-1);
            if (head) await services.runner.waitFor(head.position);
            expect(services.runner.models).toEqual(replay(events));
            figures.comparisons += 1;
            if (plan.at(-1) === batch) figures.events += events.length; // the whole log, once per run
          }
        } finally {
          await services.runner.stop();
          await services.store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
    printFigures('live read models = replay', figures);
    expect(figures.accepted).toBeGreaterThan(0);
  }, 120_000);
});
