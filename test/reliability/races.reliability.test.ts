import type { ProductEvent } from '../../src/domain/product/events';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, startTestServer } from '../support/testServer';
import { atomicityProblems, byCommand, hashChainProblems, replay } from './support/history';
import { certificateProblems } from './support/invariants';
import { Random, printFigures, seedFromEnv } from './support/random';
import { expectedSnapshot, serverSnapshot } from './support/snapshot';

/**
 * Races over HTTP: dozens of concurrent awards and revocations on one product. Whatever order they
 * land in, the history stays consistent and every client is told success or CONFLICT, truthfully.
 */
const SEED = seedFromEnv('RACE_SEED');
const ROUNDS = 3;
const PER_ROUND = 16;

type Answer = { commandId: string; kind: 'award' | 'revoke'; target: string; code: string };

describe('Races: concurrent awards and revocations on one product', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
  });
  afterAll(() => server.close());

  const codeOf = (response: { data?: unknown; errors?: { extensions?: { code?: string } }[] }) =>
    response.errors ? (response.errors[0]?.extensions?.code ?? 'UNCODED') : 'OK';

  async function productEvents(productId: string): Promise<ProductEvent[]> {
    const events = await server.events();
    return events.filter((e) => e.streamId === `ocop-product-${productId}`) as unknown as ProductEvent[];
  }

  it('should let exactly one of many concurrent revocations of a certificate succeed', async () => {
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'race-once' }) });
    await server.gql(AWARD_STARS, {
      // 70 or more: the province recognises 4★ itself (below 70 it would return the result to the district).
      input: awardInput({ productId: 'race-once', level: 'PROVINCE', score: 75, decisionNo: 'R-0' }),
    });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server.gql(REVOKE, {
          input: revokeInput({ certificateId: 'race-once.C1', decisionNo: `TH-${i}`, commandId: `revoke-once-${i}` }),
        }),
      ),
    );
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(29);
    const revocations = (await productEvents('race-once')).filter((e) => e.type === 'CertificateRevoked');
    expect(revocations).toHaveLength(1);
    expect(revocations[0]!.data.decisionNo).toBe(`TH-${codes.indexOf('OK')}`);
  });

  it(`should keep one consistent history through ${ROUNDS} rounds of ${PER_ROUND} awards and ${PER_ROUND} revocations (seed ${SEED})`, async () => {
    const random = new Random(SEED);
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'race-mix' }) });
    await server.gql(AWARD_STARS, {
      input: awardInput({
        productId: 'race-mix',
        level: 'PROVINCE',
        score: 75,
        decidedOn: '2024-04-01',
        decisionNo: 'M-0',
      }),
    });
    const known = ['race-mix.C1'];
    const answers: Answer[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const requests = [
        ...Array.from({ length: PER_ROUND }, (_, i) => {
          const commandId = `award-${round}-${i}`;
          // Each round decides in its own months, so later rounds can succeed; within a round dates clash.
          const decidedOn = `2024-${String(5 + 2 * round + random.int(0, 1)).padStart(2, '0')}-${String(random.int(10, 19))}`;
          const input = {
            productId: 'race-mix',
            level: 'PROVINCE',
            score: random.int(50, 89),
            decisionNo: `M-${commandId}`,
            decidedOn,
            commandId,
          };
          return {
            commandId,
            kind: 'award' as const,
            target: 'race-mix',
            send: () => server.gql(AWARD_STARS, { input: awardInput(input) }),
          };
        }),
        ...Array.from({ length: PER_ROUND }, (_, i) => {
          const commandId = `revoke-${round}-${i}`;
          const certificateId = random.chance(0.75) ? known.at(-1)! : random.pick(known);
          const input = revokeInput({
            certificateId,
            decisionNo: `TH-${commandId}`,
            decidedOn: '2024-12-20',
            commandId,
          });
          return {
            commandId,
            kind: 'revoke' as const,
            target: certificateId,
            send: () => server.gql(REVOKE, { input }),
          };
        }),
      ];
      const settled = await Promise.all(
        random.shuffle(requests).map(async (r) => ({ ...r, code: codeOf(await r.send()) })),
      );
      answers.push(...settled.map(({ commandId, kind, target, code }) => ({ commandId, kind, target, code })));
      known.splice(
        0,
        known.length,
        ...(await productEvents('race-mix')).flatMap((e) =>
          e.type === 'CertificateIssued' ? [e.data.certificateId] : [],
        ),
      );
    }

    // Each client was told success or CONFLICT.
    expect(answers.filter((a) => a.code !== 'OK' && a.code !== 'CONFLICT')).toEqual([]);
    const all = await server.events();
    const events = await productEvents('race-mix');
    const commands = byCommand(all);
    // No lost update: a success has its events; a CONFLICT has none.
    for (const answer of answers) {
      const stored = commands.get(answer.commandId) ?? [];
      expect({ ...answer, stored: stored.length > 0 }).toEqual({ ...answer, stored: answer.code === 'OK' });
    }
    // No double revocation, and every revocation is one a client was told succeeded.
    const revoked = events.flatMap((e) => (e.type === 'CertificateRevoked' ? [e.data.certificateId] : []));
    expect(new Set(revoked).size).toBe(revoked.length);
    expect(revoked.sort()).toEqual(
      answers
        .filter((a) => a.kind === 'revoke' && a.code === 'OK')
        .map((a) => a.target)
        .sort(),
    );
    // At most one VALID certificate on any day, linear supersession, 3–5 stars, 36 months.
    expect(certificateProblems(events)).toEqual([]);
    expect([...hashChainProblems(all), ...atomicityProblems(all)]).toEqual([]);
    const product = await server.gql<{ product: { certificates: { status: string }[] } }>(
      `{ product(id: "race-mix") { certificates { id status } } }`,
    );
    expect(product.data!.product.certificates.filter((c) => c.status === 'VALID').length).toBeLessThanOrEqual(1);
    const snapshot = await serverSnapshot(server.gql);
    expect(snapshot).toEqual(expectedSnapshot(replay(all), snapshot.day));

    const count = (kind: string, code: string) => answers.filter((a) => a.kind === kind && a.code === code).length;
    printFigures('races', {
      seed: SEED,
      'concurrent requests': answers.length,
      'awards: success / CONFLICT': `${count('award', 'OK')} / ${count('award', 'CONFLICT')}`,
      'revocations: success / CONFLICT': `${count('revoke', 'OK')} / ${count('revoke', 'CONFLICT')}`,
      'certificates issued': known.length,
      'events in the product stream': events.length,
    });
    // Each round decides in later months than the last, so its first award to land always succeeds.
    expect(count('award', 'OK')).toBeGreaterThanOrEqual(ROUNDS);
  });
});
