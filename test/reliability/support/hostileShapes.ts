import fc from 'fast-check';
import { PRODUCT, type Payload } from './hostilePayloads';

/**
 * Query shapes that cost more than they look: pages sized by a variable, public lists nested in each
 * other, aliases of whole-log work, and the past asked for through variables. Each shape is spelled
 * four ways (SPELLINGS), and every spelling must get the same answer over HTTP and graphql-ws: a check
 * that reads only the document judges another query than the one that runs.
 */

/** Evaluations of a product, their product's evaluations, and so on `depth` times: public all the way down. */
const nested = (depth: number): string =>
  depth === 0 ? '' : ` evaluations { score product { name${nested(depth - 1)} } }`;

/** `, a: 1, b: 2` as an argument list of its own: `(a: 1, b: 2)`, or nothing. */
const list = (args: string) => (args ? `(${args.slice(2)})` : '');

const ROOTS = {
  product: (args: string, depth: number) => `product(id: "${PRODUCT}"${args}) { name${nested(depth)} }`,
  certificate: (args: string, depth: number) =>
    `certificate(id: "${PRODUCT}.C1"${args}) { status product { name${nested(depth)} } }`,
  plan: (args: string) =>
    `plan(year: 2024, provinceCode: "06"${args}) { year targets { unit { code } newProducts3Star } }`,
  districtTargets: (args: string) =>
    `districtTargets(year: 2024, provinceCode: "06"${args}) { year districts { unit { code } } }`,
  products: (args: string, depth: number) => `products${list(args)} { nodes { name${nested(depth)} } }`,
  subjects: (args: string, depth: number) =>
    `subjects${list(args)} { nodes { name products { name${nested(depth)} } } }`,
} as const;
type Root = keyof typeof ROOTS;
const PAGED: ReadonlySet<Root> = new Set(['products', 'subjects']);

export interface Shape {
  readonly root: Root;
  readonly aliases: number;
  readonly depth: number;
  /** A page size, for the roots that take one. */
  readonly first?: number;
  readonly history?:
    { readonly name: 'asOf'; readonly value: string } | { readonly name: 'atPosition'; readonly value: string };
}

const TYPES = { first: 'Int', asOf: 'DateTime', atPosition: 'String' } as const;

/**
 * The ways one shape is written: its values in the document, in a fragment, passed as variables, or
 * as the defaults of variables the request leaves out. All four ask the same question.
 */
export const SPELLINGS = ['literal', 'fragment', 'variables', 'defaults'] as const;
export type Spelling = (typeof SPELLINGS)[number];

/** The shape as one document, spelled one of the four ways, with the variables to send. */
export function spell(shape: Shape, spelling: Spelling): { query: string; variables: Record<string, unknown> } {
  const given: [keyof typeof TYPES, unknown][] = [];
  if (shape.first !== undefined && PAGED.has(shape.root)) given.push(['first', shape.first]);
  if (shape.history) given.push([shape.history.name, shape.history.value]);
  const inline = spelling === 'literal' || spelling === 'fragment';
  const args = given.map(([name, value]) => `, ${name}: ${inline ? JSON.stringify(value) : `$${name}`}`).join('');
  const field = ROOTS[shape.root];
  const body = Array.from({ length: shape.aliases }, (_, i) => `a${i}: ${field(args, shape.depth)}`).join(' ');
  if (spelling === 'literal') return { query: `{ ${body} }`, variables: {} };
  if (spelling === 'fragment') return { query: `{ ...Asked } fragment Asked on Query { ${body} }`, variables: {} };
  const definitions = given
    .map(([name, value]) => `$${name}: ${TYPES[name]}${spelling === 'defaults' ? ` = ${JSON.stringify(value)}` : ''}`)
    .join(', ');
  return {
    query: `query${definitions ? `(${definitions})` : ''} { ${body} }`,
    variables: spelling === 'variables' ? Object.fromEntries(given) : {},
  };
}

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export const shapes: fc.Arbitrary<Shape> = fc.record(
  {
    root: fc.constantFrom(...(Object.keys(ROOTS) as Root[])),
    aliases: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 20 })),
    depth: fc.integer({ min: 0, max: 4 }),
    first: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 50, max: 1000 })),
    history: fc.oneof(
      fc.record({ name: fc.constant('asOf' as const), value: instant }),
      fc.record({ name: fc.constant('atPosition' as const), value: fc.nat({ max: 200 }).map((n) => `${n}:${n}`) }),
    ),
  },
  { requiredKeys: ['root', 'aliases', 'depth'] },
);

const PAGE = 'nodes { id name group registrationKind registeredOn stars subject { id name district { code name } } }';
const aliased = (count: number, field: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

/** Shapes from the probe that broke servers: each must be refused before it runs, by whoever asks. */
export const TOO_COSTLY: Payload[] = [
  {
    name: 'fifteen aliases of a page sized by a variable',
    query: `query($n: Int) { ${aliased(15, () => `products(first: $n) { ${PAGE} }`)} }`,
    variables: { n: 100 },
  },
  {
    name: 'evaluations and their product nested three deep, six aliases',
    query: `{ ${aliased(6, () => `product(id: "${PRODUCT}") {${nested(3)} }`)} }`,
  },
  {
    name: 'the same nesting with the product id as a variable',
    query: `query($id: ID!) { ${aliased(6, () => `product(id: $id) {${nested(3)} }`)} }`,
    variables: { id: PRODUCT },
  },
  {
    name: 'fifteen replays of the past at distinct instants',
    query: `{ ${aliased(15, (i) => `districtTargets(year: 2024, provinceCode: "06", asOf: "2024-12-${10 + i}T00:00:00Z") { year }`)} }`,
  },
  { name: 'fifteen digests of every stream', query: `{ ${aliased(15, () => 'auditDigest { digest }')} }` },
  {
    name: 'fifteen scans of the log for a rare type',
    query: `{ ${aliased(15, () => 'events(first: 1, types: ["CertificateRevoked"]) { pageInfo { hasNextPage } }')} }`,
  },
];

const TEN_KB = 'x'.repeat(10_000);
const TWO_HUNDRED_KB = 's'.repeat(200_000);

/** Requests whose errors have quoted what they were sent, or suggested what the schema holds. */
export const ECHOED: Payload[] = [
  {
    name: '10 KB variable that is no Int',
    query: 'query($y: Int!) { plan(year: $y, provinceCode: "06") { year } }',
    variables: { y: TEN_KB },
  },
  { name: '10 KB literal that is no Int', query: `{ plan(year: "${TEN_KB}") { year } }` },
  {
    name: '200 KB stream id',
    query: 'query($s: String!) { auditTrail(streamId: $s) { revision } }',
    variables: { s: TWO_HUNDRED_KB },
  },
  { name: '200 KB stream id written in', query: `{ auditTrail(streamId: "${TWO_HUNDRED_KB}") { revision } }` },
  { name: 'an enum value one letter short', query: '{ proposals(toLevel: PROVINC) { totalCount } }' },
  {
    name: 'an enum variable one letter short',
    query: 'query($l: EvaluationLevel!) { proposals(toLevel: $l) { totalCount } }',
    variables: { l: 'PROVINC' },
  },
  { name: 'a field one letter short', query: `{ product(id: "${PRODUCT}") { nam } }` },
  { name: 'introspection', query: '{ __schema { queryType { name } } }' },
  { name: 'introspection of a type', query: '{ __type(name: "Product") { fields { name } } }' },
];
