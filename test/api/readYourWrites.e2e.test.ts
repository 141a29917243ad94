import { quietObservability } from '../../src/observability';
import { type TestServer, bearer, DEFAULT_OFFICER, startTestServer } from '../support/testServer';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';

const POSITION = /^\d+:\d+$/;

describe('log positions for read-your-writes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ observability: quietObservability({ minPositionWaitMs: 300 }) });
  });
  afterAll(() => server.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer(DEFAULT_OFFICER), ...headers },
      body: JSON.stringify(body),
    });

  it('should give a mutation the position it reached, as an extension and a header', async () => {
    const response = await post({ query: REGISTER_SUBJECT, variables: { input: subjectInput({ id: 'htx-pos' }) } });
    const body = (await response.json()) as { extensions?: { position?: string } };
    const events = await server.events();
    const last = events.at(-1)!;
    expect(body.extensions?.position).toBe(`${last.position.commit}:${last.position.prepare}`);
    expect(response.headers.get('x-ocop-position')).toBe(body.extensions?.position);
  });

  it('should give a repeated command the position of its first run', async () => {
    const input = subjectInput({ id: 'htx-pos-again', commandId: 'register-htx-pos-again' });
    const first = await post({ query: REGISTER_SUBJECT, variables: { input } });
    await post({ query: REGISTER_SUBJECT, variables: { input: subjectInput({ id: 'htx-in-between' }) } });
    const again = await post({ query: REGISTER_SUBJECT, variables: { input } });
    expect(again.headers.get('x-ocop-position')).toMatch(POSITION);
    expect(again.headers.get('x-ocop-position')).toBe(first.headers.get('x-ocop-position'));
  });

  it('should give a query no position', async () => {
    const response = await post({ query: '{ plan(year: 2024, provinceCode: "06") { year } }' });
    expect(response.headers.get('x-ocop-position')).toBeNull();
    expect(((await response.json()) as { extensions?: unknown }).extensions).toBeUndefined();
  });

  it('should answer at once a request whose minimum position the read models have passed', async () => {
    const written = await post({ query: REGISTER_SUBJECT, variables: { input: subjectInput({ id: 'htx-min' }) } });
    const position = written.headers.get('x-ocop-position')!;
    const response = await post({ query: '{ subject(id: "htx-min") { name } }' }, { 'x-ocop-min-position': position });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ subject: { name: 'HTX Miến dong Na Rì' } });
  });

  it('should answer UNAVAILABLE with the lag when the read models do not reach the position in time', async () => {
    const response = await post(
      { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
      {
        'x-ocop-min-position': '999999:999999',
      },
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'UNAVAILABLE',
      minPosition: '999999:999999',
      appliedPosition: expect.stringMatching(POSITION),
      lag: { events: 0, seconds: 0 },
    });
  });

  it('should refuse a malformed minimum position', async () => {
    const response = await post(
      { query: '{ plan(year: 2024, provinceCode: "06") { year } }' },
      {
        'x-ocop-min-position': 'latest',
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('should report the lag on /readyz', async () => {
    const response = await fetch(server.url.replace('/graphql', '/readyz'));
    const body = (await response.json()) as { status: string; lag: Record<string, unknown> };
    const head = (await server.events()).at(-1)!.position;
    expect(body).toEqual({
      status: 'ready',
      lag: { head: `${head.commit}:${head.prepare}`, applied: `${head.commit}:${head.prepare}`, events: 0, seconds: 0 },
    });
  });
});
