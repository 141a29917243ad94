import type { AppendResult, NewEvent } from '../../src/eventStore/eventStore';
import { subjectRegistered } from '../support/fixtures';
import { type TestServer, bearer, startTestServer, testClockMs } from '../support/testServer';

const ANALYST = bearer({ sub: 'analyst-slices', role: 'ANALYST', unit: 'VN' });
const CHEAP = '{ districtTargets(year: 2024) { year } }';
/**
 * Subjects, each with this many supports: a log long enough that reading it whole takes clearly longer
 * than a cheap query. Over EventStoreDB (the gRPC test double) each event read costs about twenty times
 * more, so a tenth of the log is long enough.
 */
const SUBJECTS = process.env['OCOP_TEST_STORE'] === 'esdb' ? 100 : 1000;
const SUPPORTS_EACH = 29;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function subjectStream(index: number): NewEvent[] {
  const subjectId = `htx-slices-${index}`;
  const supports = Array.from({ length: SUPPORTS_EACH }, (_, k) => ({
    type: 'SupportRecorded',
    data: {
      subjectId,
      supportId: `${subjectId}.S${k}`,
      programme: 'OTHER',
      providedOn: '2024-05-01',
      description: 'Tập huấn',
    },
  }));
  return [subjectRegistered({ subjectId, name: `HTX ${index}` }), ...supports];
}

/** Appends subjects `from` to `to` (exclusive) straight through the store, then answers the instant after them. */
async function appendSubjects(server: TestServer, from: number, to: number): Promise<string> {
  let last: AppendResult | undefined;
  // A few dozen appends at a time: the EventStoreDB adapter's deadline applies to each.
  for (let start = from; start < to; start += 50) {
    const appends: Promise<AppendResult>[] = [];
    for (let i = start; i < Math.min(to, start + 50); i++)
      appends.push(server.store.append(`ocop-subject-htx-slices-${i}`, subjectStream(i), 'no_stream'));
    last = (await Promise.all(appends)).at(-1);
  }
  await server.services.runner.waitFor(last!.position, 60_000);
  await delay(5);
  const after = new Date(testClockMs()).toISOString();
  await delay(5);
  return after;
}

describe('Whole-log work sharing the event loop', () => {
  let server: TestServer;
  let heavy: string;
  beforeAll(async () => {
    server = await startTestServer();
    const halfway = await appendSubjects(server, 0, SUBJECTS / 2);
    const nearlyAll = await appendSubjects(server, SUBJECTS / 2, SUBJECTS);
    // One more event after both instants, so answering them means replaying the log up to each.
    await appendSubjects(server, SUBJECTS, SUBJECTS + 1);
    heavy = `{
      auditDigest { events }
      events(types: ["CertificateRevoked"], first: 10) { edges { cursor } }
      before: districtTargets(year: 2024, asOf: "${halfway}") { year }
      after: districtTargets(year: 2024, asOf: "${nearlyAll}") { year }
    }`;
  }, 120_000);
  afterAll(() => server.close());

  it('should answer a cheap anonymous query while an analyst’s replays, digest and scan are still running', async () => {
    const answered: string[] = [];
    const whole = server.gqlAs<{ auditDigest: { events: number } }>(ANALYST, heavy).then((response) => {
      answered.push('heavy');
      return response;
    });
    // Long enough for the heavy request to have begun; its work then holds up this timer unless it yields.
    await delay(50);
    const cheap = await server.gqlAs(null, CHEAP);
    answered.push('cheap');
    const done = await whole;

    expect(cheap.data).toEqual({ districtTargets: { year: 2024 } });
    expect(done.errors).toBeUndefined();
    expect(done.data?.auditDigest.events).toBeGreaterThan(SUBJECTS * (SUPPORTS_EACH + 1));
    expect(answered).toEqual(['cheap', 'heavy']);
  });
});
