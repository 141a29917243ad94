import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleExplorer } from '../../src/http/explorer/bundle';
import { REGISTER_SUBJECT, subjectInput } from '../support/operations';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';
import { DEFAULT_OFFICER, TEST_JWT_SECRET, type TestServer, startTestServer } from '../support/testServer';
import { mintToken } from '../../src/http/auth/tokens';

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';

/** The text of one of the page's CodeMirror editors (run in the page, hence a string). */
const editorText = (selector: string) =>
  `document.querySelector(${JSON.stringify(selector)})?.CodeMirror?.getValue() ?? ''`;

const editor = (page: Page, selector: string): Promise<string> => page.evaluate(editorText(selector));

/** Puts a document in the query editor, as typing would, and presses the run button. */
async function run(page: Page, query: string): Promise<void> {
  await page.evaluate(
    `document.querySelector(${JSON.stringify(QUERY_EDITOR)}).CodeMirror.setValue(${JSON.stringify(query)})`,
  );
  await page.click('.graphiql-execute-button');
}

/** Waits until the response pane shows `text` (polled from here: the page's policy forbids eval). */
async function responseContains(page: Page, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await editor(page, RESPONSE)).includes(text)) {
    if (Date.now() > deadline)
      throw new Error(`The response pane never showed ${text}: ${await editor(page, RESPONSE)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeInBrowser('the GraphiQL explorer, offline', () => {
  let server: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const assets = mkdtempSync(join(tmpdir(), 'ocop-explorer-'));

  beforeAll(async () => {
    await bundleExplorer(assets);
    server = await startTestServer({
      server: { introspection: true, web: { explorer: true, explorerAssets: assets } },
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(server.url.replace('/graphql', '/'));
    await page.waitForSelector(QUERY_EDITOR, { timeout: 20_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(assets, { recursive: true, force: true });
  });

  it('should open at / with an example query and run it against the service', async () => {
    expect(page.url()).toBe(server.url);
    expect(await editor(page, QUERY_EDITOR)).toContain('unitTargets(year: 2026, provinceCode: "19")');
    await page.click('.graphiql-execute-button');
    await responseContains(page, '"newProducts3Star"');
    expect(await editor(page, RESPONSE)).toContain('"level": "COMMUNE"');
  });

  it('should send the token from the token field, so private fields answer', async () => {
    await run(page, '{ subjects { totalCount } }');
    await responseContains(page, 'UNAUTHENTICATED');
    await page.fill('input[name="token"]', mintToken({ ...DEFAULT_OFFICER, expiresIn: '1h' }, TEST_JWT_SECRET));
    await run(page, '{ subjects { totalCount } }');
    await responseContains(page, '"totalCount": 0');
  });

  it('should follow a subscription over graphql-ws', async () => {
    await run(
      page,
      'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } newSubjects { actual } } }',
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the subscription start
    await server.gql(REGISTER_SUBJECT, { input: subjectInput({ registeredOn: '2024-03-01' }) });
    await server.gql('mutation($input: RegisterProductInput!) { registerProduct(input: $input) { id } }', {
      input: {
        id: 'mien-dong',
        subjectId: 'htx-na-ri',
        name: 'Miến dong',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn: '2024-03-15',
      },
    });
    await responseContains(page, '"newSubjects"');
    expect(await editor(page, RESPONSE)).toContain('"actual": 1');
  });

  it('should load nothing from outside the service and log no errors', () => {
    expect(browser.offsiteRequests).toEqual([]);
    // The one refusal asked for above (a private field without a token) is the browser's 401 line.
    const unexpected = browser.consoleErrors.filter((e) => !e.includes('status of 401 (Unauthorized)'));
    expect(unexpected).toEqual([]);
  });
});
