import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessibilityViolations } from '../support/accessibility';
import { type BrowserSession, describeInBrowser, launchBrowser } from '../support/browser';

/** A page that tries to reach another host, logs an error and throws: what the browser session must catch. */
const LEAKY_PAGE = `<!doctype html><html lang="en"><title>leaky</title>
<img src="https://example.com/pixel.png">
<script src="/app.js"></script>`;
const LEAKY_SCRIPT = `console.error('boom in the page');
fetch('https://cdn.example.org/lib.js').catch(() => undefined);
document.title = 'ran';`;

describeInBrowser('browser test support', () => {
  let server: Server;
  let origin: string;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/app.js')
        return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(LEAKY_SCRIPT);
      response.writeHead(200, { 'content-type': 'text/html' }).end(LEAKY_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('should load a local page in Chromium and run its script', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction("document.title === 'ran'");
    expect(await page.title()).toBe('ran');
  });

  it('should block and record every request that leaves localhost', async () => {
    expect(browser.offsiteRequests).toEqual(
      expect.arrayContaining(['https://example.com/pixel.png', 'https://cdn.example.org/lib.js']),
    );
  });

  it('should report the image without a text alternative as an accessibility violation', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    expect(await accessibilityViolations(page)).toContain('image-alt: img');
  });

  it('should collect console errors', () => {
    expect(browser.consoleErrors).toContain(`console: boom in the page (at ${origin}/app.js)`);
  });
});
