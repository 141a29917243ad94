import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestServer, startTestServer } from '../support/testServer';

/**
 * docs/plan-targets.md's walk-through, run as a reader runs it: its GraphQL documents, taken from the
 * page itself, sent in order to a new server, must answer the data the page prints ("…" in a printed
 * list stands for entries the page leaves out).
 */
const page = readFileSync(join(__dirname, '..', '..', 'docs', 'plan-targets.md'), 'utf8');
const walkThrough = page.slice(page.indexOf('## Walk-through'), page.indexOf('## What each report counts'));
const fenced = (lang: string) =>
  [...walkThrough.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);
const documents = [...fenced('sh')[0]!.matchAll(/^q '(\{"query":[\s\S]*?\})'$/gm)].map(
  (m) => (JSON.parse(m[1]!) as { query: string }).query,
);
const printed = fenced('')[0]!
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as unknown);

/** The answer with the lists cut where the printed one says "…", so both can be compared whole. */
function asPrinted(answer: unknown, printedValue: unknown): unknown {
  if (Array.isArray(printedValue) && Array.isArray(answer)) {
    const kept: unknown[] = [];
    let i = 0;
    for (const [at, entry] of printedValue.entries()) {
      if (entry === '…') {
        const next = printedValue[at + 1];
        const resume = next === undefined ? answer.length : answer.findIndex((a, j) => j >= i && sameJson(a, next));
        i = resume < 0 ? answer.length : resume;
        kept.push('…');
      } else kept.push(asPrinted(answer[i++], entry));
    }
    return kept;
  }
  if (printedValue && typeof printedValue === 'object' && answer && typeof answer === 'object') {
    return Object.fromEntries(
      Object.entries(answer).map(([key, value]) => [
        key,
        asPrinted(value, (printedValue as Record<string, unknown>)[key]),
      ]),
    );
  }
  return answer;
}
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('docs/plan-targets.md walk-through', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds one printed answer per document', () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
    expect(printed).toHaveLength(documents.length);
  });

  it('answers every document as the page prints it', async () => {
    for (const [i, query] of documents.entries()) {
      const answer = await server.gql(query);
      expect({ document: i, errors: answer.errors, data: asPrinted(answer.data, printed[i]) }).toEqual({
        document: i,
        errors: undefined,
        data: printed[i],
      });
    }
  });
});
