import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestServer, startTestServer } from '../support/testServer';

/**
 * The README's Quick start, run as a new user runs it: its GraphQL documents, taken from the README
 * itself, sent in order to a new server, must answer what the README prints and says.
 */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks of a section: `lang` is what follows the opening fence ('' for plain output). */
function blocks(text: string, lang: string): string[] {
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  return [...text.matchAll(fence)].filter((m) => m[1] === lang).map((m) => m[2]!);
}

/** The GraphQL document in a `-d '…'` or `q '…'` argument: the single-quoted JSON body. */
function documentsIn(shell: string): { query: string; signedIn: boolean }[] {
  return [...shell.matchAll(/(?:-d |^q )'(\{"query":[\s\S]*?\})'/gm)].map((m) => ({
    query: (JSON.parse(m[1]!) as { query: string }).query,
    signedIn: m[0].startsWith('q '),
  }));
}

const quickStart = section('Quick start');
const [reportDocument, ...cycle] = blocks(quickStart, 'sh').flatMap(documentsIn);
const printedAnswers = blocks(quickStart, '')[0]!
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { data: unknown });

interface Report {
  unitTargets: {
    level: string;
    rows: { unit: { name: string }; newProducts3Star: { target: number; actual: number } }[];
    total: { unit: { name: string }; newProducts3Star: { target: number; actual: number } };
  };
}

/** The 2024 report the walk-through counts in (history: Bắc Kạn's Plan 180). */
const REPORT_2024 = `{ unitTargets(year: 2024, provinceCode: "06") {
  level rows { unit { name } newProducts3Star { target actual } } total { unit { name } newProducts3Star { target actual } } } }`;

describe('README quick start', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const naRi = (report: Report) => report.unitTargets.rows.find((d) => d.unit.name === 'Na Rì');

  it('finds the anonymous report and one signed-in document per printed answer', () => {
    expect(reportDocument?.signedIn).toBe(false);
    expect(cycle.length).toBeGreaterThanOrEqual(4);
    expect(cycle.every((d) => d.signedIn)).toBe(true);
    expect(printedAnswers).toHaveLength(cycle.length);
  });

  it("opens on Thái Nguyên's 2026 report by commune, to an anonymous caller", async () => {
    const report = await server.gqlAs<Report>(null, reportDocument!.query);
    expect(report.errors).toBeUndefined();
    expect(report.data!.unitTargets.level).toBe('COMMUNE');
    expect(report.data!.unitTargets.rows).toHaveLength(92);
    expect(report.data!.unitTargets.total.unit.name).toBe('Thái Nguyên');
  });

  it('starts with Plan 180 adopted and nothing counted in 2024', async () => {
    const report = await server.gqlAs<Report>(null, REPORT_2024);
    expect(report.errors).toBeUndefined();
    expect(naRi(report.data!)?.newProducts3Star).toEqual({ target: 3, actual: 0 });
    expect(report.data!.unitTargets.total.newProducts3Star).toEqual({ target: 20, actual: 0 });
  });

  it('answers every document of the cycle exactly as the README prints it', async () => {
    for (const [i, document] of cycle.entries()) {
      const answer = await server.gql(document.query);
      expect({ document: i, errors: answer.errors, data: answer.data }).toEqual({
        document: i,
        errors: undefined,
        data: printedAnswers[i]!.data,
      });
    }
  });

  it('then counts the product for Na Rì and the province in 2024, as the text says', async () => {
    const report = await server.gqlAs<Report>(null, REPORT_2024);
    expect(naRi(report.data!)?.newProducts3Star).toEqual({ target: 3, actual: 1 });
    expect(report.data!.unitTargets.total.newProducts3Star).toEqual({ target: 20, actual: 1 });
  });
});
