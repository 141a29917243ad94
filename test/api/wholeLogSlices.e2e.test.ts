import { DEFAULT_EXECUTION_BUDGET } from '../../src/config/defaults';
import type { AppendResult, NewEvent } from '../../src/eventStore/eventStore';
import { subjectRegistered } from '../support/fixtures';
import { type TestServer, bearer, startTestServer, testClockMs } from '../support/testServer';

const ANALYST = bearer({ sub: 'analyst-slices', role: 'ANALYST', unit: 'VN' });
const CHEAP = '{ districtTargets(year: 2024, provinceCode: "06") { year } }';
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
  /** The clock the time budget reads: counts its readings, and may be told to run far ahead. */
  let budgetReadings = 0;
  let budgetAhead = 0;
  const budgetClock = () => {
    budgetReadings += 1;
    return Date.now() + budgetAhead;
  };
  beforeAll(async () => {
    // The analyst's request below holds every slot, so the progress page's past days find none free.
    server = await startTestServer({
      server: {
        wholeLogLimits: { perCaller: 4, total: 4 },
        // The order of the answers is under test, not their time: the whole suite may share the machine.
        budget: { ...DEFAULT_EXECUTION_BUDGET, timeMs: 120_000, now: budgetClock },
      },
    });
    const halfway = await appendSubjects(server, 0, SUBJECTS / 2);
    const nearlyAll = await appendSubjects(server, SUBJECTS / 2, SUBJECTS);
    // One more event after both instants, so answering them means replaying the log up to each.
    await appendSubjects(server, SUBJECTS, SUBJECTS + 1);
    heavy = `{
      auditDigest { events }
      events(types: ["CertificateRevoked"], first: 10) { edges { cursor } }
      before: districtTargets(year: 2024, provinceCode: "06", asOf: "${halfway}") { year }
      after: districtTargets(year: 2024, provinceCode: "06", asOf: "${nearlyAll}") { year }
    }`;
  }, 120_000);
  afterAll(() => server.close());

  /** Starts the analyst's whole-log request; `answered` gets 'heavy' when its answer arrives. */
  async function startHeavy(answered: string[]) {
    const response = server.gqlAs<{ auditDigest: { events: number } }>(ANALYST, heavy).then((result) => {
      answered.push('heavy');
      return result;
    });
    // Long enough for the request to have begun; its work then holds up this timer unless it yields.
    await delay(50);
    return { response };
  }

  it('should answer a cheap anonymous query while an analyst’s replays, digest and scan are still running', async () => {
    const answered: string[] = [];
    const { response: whole } = await startHeavy(answered);
    const cheap = await server.gqlAs(null, CHEAP);
    answered.push('cheap');
    const done = await whole;

    expect(cheap.data).toEqual({ districtTargets: { year: 2024 } });
    expect(done.errors).toBeUndefined();
    expect(done.data?.auditDigest.events).toBeGreaterThan(SUBJECTS * (SUPPORTS_EACH + 1));
    expect(answered).toEqual(['cheap', 'heavy']);
  }, 120_000);

  it('should refuse a past day of the progress page with a 429 page while whole-log work fills every slot', async () => {
    const page = (query: string) => fetch(`${server.url.replace('/graphql', '')}/progress/06/2024${query}`);
    const answered: string[] = [];
    const { response: whole } = await startHeavy(answered);
    const refused = await page('?asOf=2024-12-19&lang=en');
    const today = await page('?lang=en');
    answered.push('page');
    expect((await whole).errors).toBeUndefined();
    const afterwards = await page('?asOf=2024-12-19&lang=en');

    expect(answered).toEqual(['page', 'heavy']);
    expect([refused.status, refused.headers.get('retry-after'), refused.headers.get('content-type')]).toEqual([
      429,
      '5',
      'text/html; charset=utf-8',
    ]);
    expect(await refused.text()).toContain('The registry is busy working out figures for past days');
    expect(today.status).toBe(200);
    expect(afterwards.status).toBe(200);
  }, 120_000);

  it('should stop an analyst’s digest of the whole log once its request is out of time', async () => {
    budgetReadings = 0;
    const digest = server.gqlAs(ANALYST, '{ auditDigest { events } }');
    // Once the budget has set the request's deadline (the digest has begun), its clock runs far ahead.
    while (budgetReadings === 0) await delay(1);
    budgetAhead = 1e9;
    const response = await digest;
    budgetAhead = 0;
    const again = await server.gqlAs<{ auditDigest: { events: number } }>(ANALYST, '{ auditDigest { events } }');

    expect(response).toEqual({
      status: 400,
      errors: [
        {
          message: 'The query ran longer than its time budget of 120000 ms: ask for less',
          extensions: { code: 'LIMIT_EXCEEDED' },
        },
      ],
    });
    expect(again.data?.auditDigest.events).toBeGreaterThan(SUBJECTS * (SUPPORTS_EACH + 1));
  }, 120_000);
});
