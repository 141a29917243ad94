import autocannon from 'autocannon';
import type { Row } from '../support/results';
import { round } from '../support/stats';

export interface Operation {
  /** How the table names it. */
  readonly name: string;
  readonly query: string;
  /** Sent with mutations: a bearer token once the service checks them. */
  readonly headers?: Record<string, string>;
}

const ROW =
  'unit { code name } newProducts3Star { target actual } consolidatedSubjects { target actual } newSubjects { target actual }';
export const DISTRICT_TARGETS: Operation = {
  name: 'districtTargets',
  query: `{ districtTargets(year: 2024, provinceCode: "06") { year planReference statusDay districts { ${ROW} } total { ${ROW} } } }`,
};
export const PRODUCT_LIST: Operation = {
  name: 'products (first 20, one district)',
  query:
    '{ products(first: 20, filter: { districtCode: "066" }) { totalCount pageInfo { endCursor hasNextPage } nodes { id name group registeredOn stars district { name } } } }',
};
export const PING: Operation = { name: 'constant { ping }', query: '{ ping }' };

/** registerProduct without id or commandId: every request registers a new product of an existing subject. */
export function registerProduct(subjectId: string, registeredOn: string): Operation {
  return {
    name: 'registerProduct',
    query: `mutation { registerProduct(input: { subjectId: "${subjectId}", name: "Mật ong bạc hà Na Rì", group: FOOD, registrationKind: NEW, registeredOn: "${registeredOn}" }) { id name district { code } } }`,
  };
}

/** The same operation sent by a signed-in official. */
export const signedIn = (operation: Operation, token: string): Operation => ({
  ...operation,
  headers: { ...operation.headers, authorization: `Bearer ${token}` },
});

/** One request, checked: a benchmark of error responses would measure the wrong thing. */
export async function checkOperation(url: string, operation: Operation): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...operation.headers },
    body: JSON.stringify({ query: operation.query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors) {
    throw new Error(`${operation.name} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data;
}

/** autocannon at a fixed concurrency (connections) for `seconds`; only 2xx responses count. */
export async function load(
  url: string,
  operation: Operation,
  variant: string,
  connections: number,
  seconds: number,
): Promise<Row> {
  await checkOperation(url, operation);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...operation.headers },
    body: JSON.stringify({ query: operation.query }),
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  return {
    workload: 'graphql',
    case: `${operation.name} @ ${connections}`,
    variant,
    metrics: {
      'req/s': round(result['2xx'] / result.duration, 0),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
    },
    note: failed > 0 ? `${failed} failed requests` : undefined,
  };
}
