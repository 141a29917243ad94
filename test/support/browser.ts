import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/**
 * Headless Chromium for tests that look at a page as a person would.
 *
 * The browser is the system's (Debian's `chromium` at /usr/bin/chromium, or CHROMIUM_PATH); nothing is
 * downloaded. Without one, `describeInBrowser` skips its tests and says so in the output, with how to
 * install it; with OCOP_REQUIRE_BROWSER=1 (set by CI) a missing browser fails the run instead.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible browser: no GPU, no sandbox (containers), no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT = 'install it with `apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium binary';

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailableReason(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`;
}

/**
 * `describe` for tests that need a browser. Without one the block is skipped and a warning names the
 * reason and the fix, so a run without a browser never passes silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const reason = browserUnavailableReason();
  if (reason === null) return describe(name, body);
  if (process.env['OCOP_REQUIRE_BROWSER'] === '1') {
    return describe(name, () => {
      it('needs a browser (OCOP_REQUIRE_BROWSER=1)', () => {
        throw new Error(`Browser tests cannot run: ${reason}; ${INSTALL_HINT}.`);
      });
    });
  }
  // Straight to stderr: Jest drops the console output of a file whose tests were all skipped.
  process.stderr.write(`\nSKIPPED browser tests "${name}": ${reason}; ${INSTALL_HINT}.\n`);
  describe.skip(`${name} (skipped: ${reason})`, body);
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** A new page whose requests off this machine are blocked and recorded, and whose errors are collected. */
  newPage(): Promise<Page>;
  /** Every request that tried to leave localhost (blocked), as URLs. */
  readonly offsiteRequests: string[];
  /** Console messages of type error, uncaught page errors and failed local requests. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for URLs that stay on this machine (and for data:/blob:/about: URLs, which go nowhere). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/** Launches Chromium with a fresh, empty profile (deleted again on close) and a phone-sized viewport. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ocop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: options.locale ?? 'en-US',
  });
  const offsiteRequests: string[] = [];
  const consoleErrors: string[] = [];
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => {
      offsiteRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    (url) => !isLocalUrl(url.href),
    (socket) => {
      offsiteRequests.push(socket.url());
      socket.close();
    },
  );
  const watch = (page: Page): Page => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`console: ${message.text()} (at ${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (isLocalUrl(request.url()))
        consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    return page;
  };
  return {
    context,
    offsiteRequests,
    consoleErrors,
    newPage: async () => watch(await context.newPage()),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
