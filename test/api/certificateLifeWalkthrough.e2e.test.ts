import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestServer, bearer, startTestServer } from '../support/testServer';

/**
 * docs/certificate-life.md's walk-through, run as an office would run it: its GraphQL documents, taken
 * from the page itself, sent in order with the token each names to a new server whose day is in late
 * 2026, must answer what the page prints.
 */
const page = readFileSync(join(__dirname, '..', '..', 'docs', 'certificate-life.md'), 'utf8');
const walkthrough = page.slice(page.indexOf('## Walk-through'));

/** The fenced blocks of the walk-through: `lang` is what follows the opening fence ('' for printed answers). */
const blocks = (lang: string): string[] =>
  [...walkthrough.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);

/** `as "$WHO" '{"query":…}'`: the token's name and the document. */
const documents = blocks('sh')
  .flatMap((block) => [...block.matchAll(/^as "\$(\w+)" '(\{"query":[\s\S]*?\})'$/gm)])
  .map((m) => ({ who: m[1]!, query: (JSON.parse(m[2]!) as { query: string }).query }));
const printed = blocks('')
  .flatMap((block) => block.trim().split('\n'))
  .map((line) => JSON.parse(line) as { data: unknown });

const TOKENS: Record<string, string> = {
  PROVINCE: bearer({ sub: 'vp-ocop-thai-nguyen', role: 'PROVINCIAL_OFFICER', unit: '19' }),
  COMMUNE: bearer({ sub: 'can-bo-xa-con-minh', role: 'COMMUNE_OFFICER', unit: '02185' }),
};

describe('docs/certificate-life.md walk-through', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ epoch: '2026-11-20T02:00:00Z' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds one printed answer per document, each sent with a token the page mints', () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
    expect(printed).toHaveLength(documents.length);
    expect(documents.every((d) => TOKENS[d.who] !== undefined)).toBe(true);
    expect(page).toContain('--role PROVINCIAL_OFFICER --unit 19');
    expect(page).toContain('--role COMMUNE_OFFICER --unit 02185');
  });

  it('answers every document exactly as the page prints it', async () => {
    for (const [i, document] of documents.entries()) {
      const answer = await server.gqlAs(TOKENS[document.who]!, document.query);
      expect({ document: i, errors: answer.errors, data: answer.data }).toEqual({
        document: i,
        errors: undefined,
        data: printed[i]!.data,
      });
    }
  });

  it('shows the renewed product and its 2023 issuer on the public pages', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await (await fetch(`${origin}/c/mien-dong-con-minh.C1`)).text()).toContain('UBND tỉnh Bắc Kạn');
    expect(await (await fetch(`${origin}/c/mien-dong-con-minh.C2`)).text()).toContain('UBND tỉnh Thái Nguyên');
  });
});
