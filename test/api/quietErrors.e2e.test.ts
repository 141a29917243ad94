import WebSocket from 'ws';
import { wsClient, wsOnce } from '../support/graphqlWs';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { type TestServer, startTestServer } from '../support/testServer';

const LONG = 'x'.repeat(10_000);

describe('Errors carry no value a caller sent (production mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, server: { maxBodyBytes: 50_000 } });
  });
  afterAll(() => server.close());

  /** The whole answer, as text: nothing of LONG may be in it, nor a suggestion. */
  const quiet = (response: unknown) => {
    const text = JSON.stringify(response);
    expect(text).not.toContain('xxxxxxxx');
    expect(text).not.toMatch(/Did you mean/);
    expect(text.length).toBeLessThan(1000);
    return response as { status: number; errors: { message: string; extensions: { code: string } }[] };
  };

  it('should not echo a variable that does not coerce', async () => {
    const response = quiet(
      await server.gqlAs(null, 'query($y: Int!) { plan(year: $y, provinceCode: "06") { year } }', { y: LONG }),
    );
    expect(response.errors.map((e) => [e.message, e.extensions.code])).toEqual([
      ['Variable "$y" got an invalid value; Int cannot represent non-integer value.', 'BAD_USER_INPUT'],
    ]);
  });

  it('should not echo a value deep in an input object, nor suggest enum values', async () => {
    const response = quiet(await server.gql(REGISTER_SUBJECT, { input: subjectInput({ kind: `COOPERATIV${LONG}` }) }));
    expect(response.errors.map((e) => e.message)).toEqual([
      'Variable "$input" got an invalid value at "input.kind"; Value does not exist in "SubjectKind" enum.',
    ]);
    const near = quiet(await server.gql(REGISTER_SUBJECT, { input: subjectInput({ kind: 'COOPERATIV' }) }));
    expect(near.errors[0]!.message).not.toContain('COOPERATIVE');
  });

  it('should not echo a literal value of the document', async () => {
    const response = quiet(await server.gqlAs(null, `{ plan(year: "${LONG}") { year } }`));
    expect(response.errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('should not send back a long id in a domain error', async () => {
    const response = quiet(
      await server.gql('query($s: String!) { auditTrail(streamId: $s) { revision } }', { s: LONG }),
    );
    expect(response.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it('should refuse introspection without naming the server software', async () => {
    const response = quiet(await server.gqlAs(null, '{ __schema { types { name } } }'));
    expect(response.errors.map((e) => e.message)).toEqual(['Introspection is disabled']);
  });

  it('should not echo a variable over graphql-ws either', async () => {
    const client = wsClient(server.url, null);
    const response = await wsOnce(client, 'query($y: Int!) { plan(year: $y, provinceCode: "06") { year } }', {
      y: LONG,
    });
    await client.dispose();
    quiet(response);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('should close a connection sending a message over the limit with 1009, logging no stack', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const socket = new WebSocket(server.url.replace('http', 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'p'.repeat(60_000) } }));
      expect(await closed).toBe(1009);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect((await server.gqlAs(null, '{ plan(year: 2024, provinceCode: "06") { year } }')).status).toBe(200);
  });
});

describe('Errors carry no value a caller sent (development mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, server: { development: true } });
  });
  afterAll(() => server.close());

  it('should show a stack trace under the quiet message, not the value the error first quoted', async () => {
    const response = await server.gqlAs(null, 'query($y: Int!) { plan(year: $y, provinceCode: "06") { year } }', {
      y: LONG,
    });
    const [error] = response.errors as { message: string; extensions: { stacktrace: string[] } }[];
    expect(JSON.stringify(response)).not.toContain('xxxxxxxx');
    expect(error!.extensions.stacktrace[0]).toMatch(`Error: ${error!.message}`);
    expect(error!.extensions.stacktrace[1]).toMatch(/^\s+at /);
  });
});
