import { type TestServer, bearer, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { capturingObservability } from '../support/observed';

const REGISTER = REGISTER_SUBJECT.replace('mutation(', 'mutation RegisterHtx(');
const OFFICER = { sub: 'can-bo-na-ri', role: 'DISTRICT_OFFICER', unit: '066' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function post(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('access log and request ids', () => {
  const observability = capturingObservability();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ observability });
  });
  afterAll(() => server.close());

  it('should write one access line per request with the operation, the actor and both ids', async () => {
    const authorization = bearer(OFFICER);
    const input = subjectInput({ id: 'htx-secret-name', name: 'HTX Tên Bí Mật' });
    const response = await post(
      server,
      { query: REGISTER, variables: { input } },
      { authorization, 'x-request-id': 'req-0001', 'x-correlation-id': 'corr-batch-7' },
    );
    expect(response.status).toBe(200);
    const access = observability.lines().filter((l) => l.msg === 'request' && l['requestId'] === 'req-0001');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/graphql',
      operationName: 'RegisterHtx',
      operationType: 'mutation',
      status: 200,
      code: 'OK',
      actor: { sub: 'can-bo-na-ri', role: 'DISTRICT_OFFICER', unit: '066' },
      requestId: 'req-0001',
      correlationId: 'corr-batch-7',
    });
    expect(typeof access[0]!['durationMs']).toBe('number');
  });

  it('should never log the token, the variables or the body', () => {
    const text = observability.text();
    expect(text).toContain('req-0001');
    expect(text).not.toContain(bearer(OFFICER).slice('Bearer '.length, 40));
    expect(text).not.toContain('Tên Bí Mật');
    expect(text).not.toContain('registeredOn');
  });

  it('should log the command appended with its stream, event types, position and the request ids', () => {
    const appended = observability.lines().filter((l) => l.msg === 'events appended' && l['requestId'] === 'req-0001');
    expect(appended).toEqual([
      expect.objectContaining({
        stream: 'ocop-subject-htx-secret-name',
        types: ['SubjectRegistered'],
        position: expect.stringMatching(/^\d+:\d+$/),
        correlationId: 'corr-batch-7',
      }),
    ]);
  });

  it('should keep the correlation id in the event metadata', async () => {
    const events = await server.events();
    const registered = events.find((e) => e.streamId === 'ocop-subject-htx-secret-name')!;
    expect(registered.metadata['correlationId']).toBe('corr-batch-7');
  });

  it('should echo the ids a client sends on the response', async () => {
    const response = await post(
      server,
      { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
      { 'x-request-id': 'req-0002', 'x-correlation-id': 'corr-0002' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-0002');
    expect(response.headers.get('x-correlation-id')).toBe('corr-0002');
  });

  it('should make ids for a request that sends none, and log them', async () => {
    const response = await fetch(server.url.replace('/graphql', '/healthz'));
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(UUID);
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
    expect(observability.lines()).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/healthz', requestId, level: 'debug' }),
    );
  });

  it.each([
    ['too long', 'r'.repeat(65)],
    ['with spaces', 'two words'],
    ['with other punctuation', 'a/b"c'],
  ])('should replace a client id that is %s with one of its own', async (_label, given) => {
    const response = await post(
      server,
      { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
      { 'x-request-id': given, 'x-correlation-id': given },
    );
    expect(response.headers.get('x-request-id')).toMatch(UUID);
    expect(response.headers.get('x-correlation-id')).toMatch(UUID);
  });

  it('should echo the ids and log the code on a refused request', async () => {
    const response = await post(
      server,
      { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
      { authorization: 'Bearer not-a-token', 'x-request-id': 'req-refused' },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('req-refused');
    const line = observability.lines().find((l) => l.msg === 'request' && l['requestId'] === 'req-refused');
    expect(line).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', actor: null });
    expect(observability.text()).not.toContain('not-a-token');
  });

  it('should name a query answered from memory, and say so', async () => {
    const query = 'query PlanYear { plan(year: 2024, provinceCode: "06") { year reference } }';
    for (const requestId of ['req-asked', 'req-asked-again'])
      await post(server, { query, operationName: 'PlanYear' }, { 'x-request-id': requestId });
    const lines = observability
      .lines()
      .filter((l) => l.msg === 'request' && String(l['requestId']).startsWith('req-asked'));
    expect(lines.map((l) => [l['operationName'], l['operationType'], l['code'], l['remembered']])).toEqual([
      ['PlanYear', 'query', 'OK', false],
      ['PlanYear', 'query', 'OK', true],
    ]);
  });
});
