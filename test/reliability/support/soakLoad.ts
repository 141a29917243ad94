import { addDays } from '../../../src/domain/rules/businessDate';
import type { ChildServer, GraphQLAnswer } from '../../support/childServer';
import {
  AWARD_STARS,
  RECORD_SUPPORT,
  RECORD_TRACEABILITY,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
} from '../../support/operations';
import type { Random } from './random';
import { DISTRICTS } from './workload';

export interface SoakTally {
  requests: number;
  mutations: number;
  /** Answers by code ('OK' for a success). */
  codes: Map<string, number>;
  /** The first message seen for each error code, to say what the refusals were. */
  examples: Map<string, string>;
  /** What no client should ever see: internal errors, uncoded errors, dropped connections. */
  unexpected: string[];
  latenciesMs: number[];
}

const PRODUCTS = 40;
const QUERIES = [
  'query($id: ID!) { product(id: $id) { id stars certificates { id status revocation { reason } } evaluations { stars } } }',
  '{ districtTargets(year: 2024, provinceCode: "06") { total { newProducts3Star { target actual } newSubjects { actual } } } }',
  '{ qualityManagement(year: 2024, provinceCode: "06") { total { traceabilityProducts { actual } } } }',
  '{ products(first: 20, filter: { search: "mien dong" }) { totalCount nodes { id stars } } }',
  '{ certificates(first: 20, filter: { status: VALID }) { totalCount nodes { id stars } } }',
  'query($certificateId: ID!) { certificate(id: $certificateId) { status stars product { name } } }',
];
const AS_OF = 'query($asOf: DateTime) { products(first: 5, asOf: $asOf) { totalCount } }';

/** Registers the subjects and products the load works on. */
export async function seedSoak(server: ChildServer): Promise<string[]> {
  const products: string[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const subjectId = `soak-s${i % 10}`;
    if (i < 10) {
      const input = {
        id: subjectId,
        name: `HTX ${i}`,
        kind: 'COOPERATIVE',
        districtCode: DISTRICTS[i % DISTRICTS.length],
        registeredOn: '2023-01-02',
      };
      await server.gql(REGISTER_SUBJECT, { input });
    }
    const input = {
      id: `soak-p${i}`,
      subjectId,
      name: `Miến dong số ${i}`,
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2023-02-01',
    };
    await server.gql(REGISTER_PRODUCT, { input });
    products.push(`soak-p${i}`);
  }
  return products;
}

/**
 * One client of the soak: reads, with `writeShare` of the requests writes, spread over awards (and
 * the supersessions they cause), revocations, traceability and support; one read in 25 is an `asOf`
 * read that replays the log. Runs until the deadline.
 */
export async function soakClient(
  server: ChildServer,
  products: string[],
  random: Random,
  deadline: number,
  tally: SoakTally,
  writeShare: number,
): Promise<void> {
  const lastDate = new Map<string, string>();
  while (Date.now() < deadline) {
    const product = random.pick(products);
    const write = random.next() < writeShare;
    const roll = random.next();
    let query: string;
    let variables: Record<string, unknown> | undefined;
    if (!write) {
      // Values travel as variables, as real clients send them: the server caches documents by their text.
      const asOf = roll < 0.04;
      query = asOf ? AS_OF : random.pick(QUERIES);
      // Values a document does not declare are ignored.
      variables = asOf
        ? { asOf: new Date(Date.now() - 2000).toISOString() }
        : { id: product, certificateId: `${product}.C1` };
    } else {
      tally.mutations += 1;
      const decidedOn = addDays(lastDate.get(product) ?? '2023-03-01', random.int(0, 3));
      lastDate.set(product, decidedOn);
      const unique = `${process.pid}-${tally.requests}-${random.int(0, 1e9)}`;
      if (roll < 0.48)
        [query, variables] = [
          AWARD_STARS,
          {
            input: {
              productId: product,
              level: 'PROVINCE',
              score: random.int(40, 95),
              decisionNo: `QĐ-${unique}`,
              decidedOn,
            },
          },
        ];
      else if (roll < 0.6)
        [query, variables] = [
          REVOKE,
          {
            input: {
              certificateId: `${product}.C${random.int(1, 30)}`,
              reason: 'OTHER',
              details: 'Soak',
              decisionNo: `TH-${unique}`,
              decidedOn: '2026-01-01',
            },
          },
        ];
      else if (roll < 0.8)
        [query, variables] = [
          RECORD_TRACEABILITY,
          { input: { productId: product, system: `sys-${unique}`, enabledOn: decidedOn } },
        ];
      else
        [query, variables] = [
          RECORD_SUPPORT,
          {
            input: {
              subjectId: `soak-s${random.int(0, 9)}`,
              programme: 'CONSOLIDATION',
              providedOn: decidedOn,
              description: 'Soak',
            },
          },
        ];
    }
    const started = performance.now();
    let answer: GraphQLAnswer;
    try {
      answer = await server.gql(query, variables);
    } catch (error) {
      tally.unexpected.push(`no answer: ${(error as Error).message}`);
      return;
    }
    tally.latenciesMs.push(performance.now() - started);
    tally.requests += 1;
    const code = answer.errors ? (answer.errors[0]?.extensions?.code ?? 'NONE') : 'OK';
    tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
    if (answer.errors && !tally.examples.has(code)) tally.examples.set(code, answer.errors[0]!.message);
    if (code === 'INTERNAL_SERVER_ERROR' || code === 'NONE' || answer.status >= 500)
      tally.unexpected.push(JSON.stringify(answer).slice(0, 300));
  }
}
