import {
  ADOPT_PLAN,
  AWARD_STARS,
  RECORD_LINKAGE,
  RECORD_QUALITY,
  RECORD_SUPPORT,
  RECORD_TRACEABILITY,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../../support/operations';

/** A request as sent: a raw body (malformed on purpose, maybe), or a document with variables. */
export type Payload = { name: string } & (
  { raw: string; contentType?: string } | { query: string; variables?: Record<string, unknown> }
);

export const SUBJECT = 'hostile-subject';
export const PRODUCT = 'hostile-product';

/** Every mutation with a valid input for the fixtures, so one bad field is the only fault. */
export const MUTATIONS: { query: string; valid: (unique: string) => Record<string, unknown> }[] = [
  { query: REGISTER_SUBJECT, valid: (u) => subjectInput({ id: `s-${u}` }) },
  { query: REGISTER_PRODUCT, valid: (u) => productInput({ id: `p-${u}`, subjectId: SUBJECT }) },
  { query: AWARD_STARS, valid: (u) => awardInput({ productId: PRODUCT, level: 'PROVINCE', decisionNo: `QĐ-${u}` }) },
  { query: REVOKE, valid: () => revokeInput({ certificateId: `${PRODUCT}.C1` }) },
  {
    query: RECORD_LINKAGE,
    valid: (u) => ({ subjectId: SUBJECT, partnerName: `Đối tác ${u}`, kind: 'CONSUMPTION', startedOn: '2024-05-01' }),
  },
  {
    query: RECORD_SUPPORT,
    valid: () => ({ subjectId: SUBJECT, programme: 'INTENSIVE', providedOn: '2024-05-01', description: 'Hỗ trợ' }),
  },
  { query: RECORD_TRACEABILITY, valid: (u) => ({ productId: PRODUCT, system: `sys-${u}`, enabledOn: '2024-05-01' }) },
  {
    query: RECORD_QUALITY,
    valid: (u) => ({ productId: PRODUCT, standard: 'VIETGAP', certificateNo: `VG-${u}`, issuedOn: '2024-05-01' }),
  },
  {
    query: ADOPT_PLAN,
    valid: () => ({
      reference: '180/KH-UBND',
      provinceCode: '06',
      year: 2025,
      adoptedOn: '2025-03-01',
      targets: [
        {
          districtCode: '066',
          newProducts3Star: 1,
          consolidatedSubjects: 1,
          newSubjects: 1,
          traceabilityProducts: 1,
          linkageSubjects: 1,
          advancedQmProducts: 1,
        },
      ],
    }),
  },
];

const HUGE = 'Ạ'.repeat(300_000);
/** Values that have broken servers before: each goes into each field of each mutation. */
export const HOSTILE_VALUES: Record<string, unknown> = {
  'huge string': HUGE,
  'empty string': '',
  whitespace: ' \t\n ',
  'control characters': 'a\u0000b\u0007c\u001b[31md\u007f',
  NUL: 'HTX\u0000Na Rì',
  BEL: 'HTX\u0007Na Rì',
  'ESC colour codes': '\u001b[31mHTX Na Rì\u001b[0m',
  'zero-width only': '\u200b\u200c\u200d\ufeff',
  'bidi isolate': 'HTX \u2067Na Rì\u2069',
  'emoji and joiners': '👩🏽‍🌾🍵🇻🇳',
  'combining marks': 'Miê\u0301\u0302\u0303\u0304\u0305\u0306n do\u0323\u0323\u0323ng',
  'right-to-left override': '\u202eevil\u202c',
  'bidi marks': 'HTX \u200fNa\u200e Rì\u061c',
  'line separator': 'HTX Na Rì\u2028Bắc Kạn',
  'paragraph separator': 'HTX Na Rì\u2029Bắc Kạn',
  'tag characters': 'HTX Na Rì\u{e0001}\u{e0069}\u{e0067}\u{e006e}\u{e007f}',
  'interlinear annotation': 'HTX \ufff9Na Rì\ufffagiả\ufffb',
  'combining marks only': '\u0301\u0302\u0323\u0300',
  'lone surrogate': 'x\ud800y',
  'lone low surrogate': 'x\udfffy',
  'NFD spelling': 'Miến dong Na Rì'.normalize('NFD'),
  '10 KB value': 'x'.repeat(10_000),
  'SQL-looking text': "'); DROP TABLE events; --",
  'SQL tautology': '" OR 1=1 --',
  'script-looking text': '<script>alert(1)</script>',
  'template-looking text': '${jndi:ldap://x/a} {{7*7}}',
  'path-looking text': '../../etc/passwd',
  'prototype key': '__proto__',
  'constructor key': 'constructor',
  'negative number': -1,
  'huge number': 1e308,
  'just over 100': 100.0000001,
  'unsafe integer': 2 ** 53 + 1,
  'negative zero': -0,
  'numeric string': '50',
  boolean: true,
  null: null,
  'empty list': [],
  'empty object': {},
  'deep object': JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)),
  'impossible date': '2024-02-30',
  'month 13': '2024-13-01',
  'year zero': '0000-01-01',
  'far future': '9999-12-31',
  'extended year': '+275760-09-13',
  'date with time': '2024-01-01T00:00:00Z',
  'unpadded date': '2024-1-1',
  'unknown enum': 'SUPREME',
  'lower-case enum': 'province',
  'certificate-looking id': '.C1',
  'very long id': 'p'.repeat(5000),
};

/** Values no field may take: text that hides, reorders or drives a display, or holds no character. */
export const REFUSED_TEXT = [
  'control characters',
  'NUL',
  'BEL',
  'ESC colour codes',
  'zero-width only',
  'right-to-left override',
  'bidi isolate',
  'bidi marks',
  'line separator',
  'paragraph separator',
  'tag characters',
  'interlinear annotation',
  'combining marks only',
  'lone surrogate',
  'lone low surrogate',
  'whitespace',
] as const;

const deep = (depth: number) =>
  `{ product(id: "${PRODUCT}") ${'{ subject { products '.repeat(depth)}{ id }${' } }'.repeat(depth)} }`;

/** Malformed requests and documents, each a classic way in. */
export const HAND_WRITTEN: Payload[] = [
  { name: 'empty body', raw: '' },
  { name: 'JSON null', raw: 'null' },
  { name: 'JSON array (a batch)', raw: '[{"query":"{ __typename }"}]' },
  { name: 'truncated JSON', raw: '{"query": "{ __typename' },
  { name: 'NaN literal', raw: '{"query":"{ __typename }","variables":{"x":NaN}}' },
  {
    name: 'Infinity via 1e309',
    raw: `{"query":${JSON.stringify(AWARD_STARS)},"variables":{"input":{"productId":"${PRODUCT}","level":"PROVINCE","score":1e309,"decisionNo":"x","decidedOn":"2024-10-15"}}}`,
  },
  { name: 'query is a number', raw: '{"query": 5}' },
  { name: 'variables is a string', raw: '{"query":"{ __typename }","variables":"x"}' },
  { name: 'invalid UTF-8', raw: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('latin1') },
  { name: 'deeply nested JSON', raw: '['.repeat(100_000) + ']'.repeat(100_000) },
  {
    name: 'deeply nested JSON object',
    raw: '{"query":"{ __typename }","variables":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '}',
  },
  {
    name: 'body over the limit',
    raw: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2_000_000) } }),
  },
  { name: 'text/plain body', raw: '{"query":"{ __typename }"}', contentType: 'text/plain' },
  { name: 'syntax error', query: '{ product(id: ) }' },
  { name: 'nesting within limits', query: deep(3) },
  { name: 'nesting too deep', query: deep(20) },
  { name: 'braces by the thousand', query: '{a'.repeat(20_000) + '}'.repeat(20_000) },
  {
    name: 'alias bomb',
    query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: product(id: "${PRODUCT}") { id }`).join(' ')} }`,
  },
  { name: 'fragment cycle', query: 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }' },
  { name: 'directive flood', query: `{ __typename ${'@include(if: true) '.repeat(300)}}` },
  { name: 'unknown field', query: '{ dropTables }' },
  { name: 'page size over 100', query: '{ products(first: 100000) { totalCount } }' },
  { name: 'negative page size', query: '{ products(first: -1) { totalCount } }' },
  { name: 'bogus cursor', query: '{ products(after: "\'; DROP TABLE events; --") { totalCount } }' },
  { name: 'asOf in year 275760', query: '{ products(asOf: "+275760-09-13T00:00:00Z") { totalCount } }' },
  { name: 'asOf not a date', query: '{ districtTargets(year: 2024, provinceCode: "06", asOf: "yesterday") { year } }' },
  { name: 'year out of range', query: '{ districtTargets(year: 99999999999) { year } }' },
  {
    name: 'inline wrong type',
    query: `mutation { awardStars(input: { productId: "${PRODUCT}", level: PROVINCE, score: "high", decisionNo: "x", decidedOn: "2024-10-15" }) { stars } }`,
  },
  {
    name: 'inline unknown enum',
    query: `mutation { awardStars(input: { productId: "${PRODUCT}", level: SUPREME, score: 60, decisionNo: "x", decidedOn: "2024-10-15" }) { stars } }`,
  },
  { name: 'unknown operationName', raw: '{"query":"{ __typename }","operationName":"Nope"}' },
  { name: 'persisted query hash only', raw: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}' },
  { name: 'duplicate subject id', query: REGISTER_SUBJECT, variables: { input: subjectInput({ id: SUBJECT }) } },
  {
    name: 'duplicate product id',
    query: REGISTER_PRODUCT,
    variables: { input: productInput({ id: PRODUCT, subjectId: SUBJECT }) },
  },
  {
    name: 'duplicate district in plan targets',
    query: ADOPT_PLAN,
    variables: {
      input: {
        ...MUTATIONS[8]!.valid(''),
        targets: [0, 1].map(() => (MUTATIONS[8]!.valid('') as { targets: object[] }).targets[0]),
      },
    },
  },
  {
    name: 'unknown input field',
    query: REGISTER_SUBJECT,
    variables: { input: { ...subjectInput({ id: 'extra' }), isAdmin: true } },
  },
  { name: 'missing input', query: REGISTER_SUBJECT, variables: {} },
  {
    name: 'revoke a product, not a certificate',
    query: REVOKE,
    variables: { input: revokeInput({ certificateId: PRODUCT }) },
  },
];
