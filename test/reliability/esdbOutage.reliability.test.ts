import { setTimeout as delay } from 'node:timers/promises';
import { type ChildServer, type GraphQLAnswer, startChildServer } from '../support/childServer';
import { type EsdbDouble, startEsdbDouble } from '../support/esdbDouble';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { intFromEnv, printFigures } from './support/random';
import { TcpProxy } from './support/tcpProxy';

/**
 * The EventStoreDB endpoint going away and coming back, with the server in its own process and the
 * gRPC test double behind a TCP proxy: while the path is cut, commands answer UNAVAILABLE and record
 * nothing; once it is back, the same server takes commands again and its read models catch up,
 * without a restart. Outages are longer than the adapter's subscription retry budget (about 9 s),
 * since a read model that gave up for good would need a restart.
 */
const OUTAGE_MS = intFromEnv('ESDB_OUTAGE_MS', 12_000);

describe('Store faults: EventStoreDB going away and coming back', () => {
  let double: EsdbDouble;
  let proxy: TcpProxy;
  let server: ChildServer;
  beforeAll(async () => {
    double = await startEsdbDouble();
    proxy = await TcpProxy.start(Number(/:(\d+)\?/.exec(double.connectionString)![1]));
    server = await startChildServer({
      env: { OCOP_STORE: 'esdb', OCOP_ESDB_URL: `esdb://127.0.0.1:${proxy.port}?tls=false` },
    });
  });
  afterAll(async () => {
    await server.kill('SIGKILL');
    await proxy.close();
    await double.close();
  });

  const register = (id: string): Promise<GraphQLAnswer> =>
    server.gql(REGISTER_SUBJECT, { input: subjectInput({ id, commandId: `register-${id}` }) });
  const codeOf = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.code ?? 'OK';
  const subjectSeen = async (id: string, withinMs: number): Promise<boolean> => {
    const until = Date.now() + withinMs;
    for (;;) {
      const read = await server.gql<{ subject: { id: string } | null }>(`{ subject(id: "${id}") { id } }`);
      if (read.data?.subject?.id === id) return true;
      if (Date.now() > until) return false;
      await delay(100);
    }
  };

  it('should keep its read models when the connection resets their subscription (INTERNAL), again and again', async () => {
    expect(codeOf(await register('reset-a'))).toBe('OK');
    expect(await subjectSeen('reset-a', 5000)).toBe(true);
    for (let i = 0; i < 3; i++) {
      double.resetSubscriptions();
      await delay(300);
    }
    expect(codeOf(await register('reset-b'))).toBe('OK');
    expect(await subjectSeen('reset-b', 10_000)).toBe(true);
    expect((await server.get('/readyz')).status).toBe(200);
  });

  it(
    `should answer UNAVAILABLE through a ${OUTAGE_MS} ms outage, then recover without a restart`,
    async () => {
      expect(codeOf(await register('before'))).toBe('OK');
      const stored = double.eventCount();

      await proxy.cut();
      const cutAt = Date.now();
      const during: string[] = [];
      for (let n = 0; Date.now() - cutAt < OUTAGE_MS; n++) {
        during.push(codeOf(await register(`during-${n}`)));
        await delay(500);
      }
      expect(new Set(during)).toEqual(new Set(['UNAVAILABLE']));
      expect(double.eventCount()).toBe(stored);

      await proxy.restore();
      const restoredAt = Date.now();
      let after = await register('after');
      while (codeOf(after) !== 'OK' && Date.now() - restoredAt < 20_000) {
        expect(codeOf(after)).toBe('UNAVAILABLE');
        await delay(250);
        after = await register('after');
      }
      const recoveryMs = Date.now() - restoredAt;
      expect(codeOf(after)).toBe('OK');
      expect((await server.get('/readyz')).status).toBe(200);
      const read = await server.gql<{ subject: { id: string } | null }>(`{ subject(id: "after") { id } }`);
      expect(read.data).toEqual({ subject: { id: 'after' } });
      expect(double.eventCount()).toBe(stored + 1);
      expect(server.isRunning()).toBe(true);
      printFigures('EventStoreDB outage', {
        'outage ms': OUTAGE_MS,
        'commands refused UNAVAILABLE during it': during.length,
        'ms from restore to the first accepted command': recoveryMs,
      });
    },
    OUTAGE_MS + 60_000,
  );
});
