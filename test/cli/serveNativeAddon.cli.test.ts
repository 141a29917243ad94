import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainNativeLoadFailure } from '../../scripts/node/nativeAddon.cjs';
import { runCli } from '../../src/cli/program';
import { captureIo, sqliteEnv } from './captureIo';

/**
 * `ocop serve` when better-sqlite3 was built for another Node anyway (installed with --ignore-scripts,
 * or Node changed since). A real mismatched build here would break the shared install, so the module
 * is replaced by one whose constructor throws what Node throws then.
 */
jest.mock('better-sqlite3', () => {
  const message =
    "The module '/srv/ocop/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
    'was compiled against a different Node.js version using\nNODE_MODULE_VERSION 1. This version of Node.js requires\n' +
    `NODE_MODULE_VERSION ${process.versions.modules}. Please try re-compiling or re-installing\n` +
    'the module (for instance, using `npm rebuild` or `npm install`).';
  return function Database() {
    throw Object.assign(new Error(message), { code: 'ERR_DLOPEN_FAILED' });
  };
});

function whatTheAddonThrows(): unknown {
  const Database = jest.requireMock<new () => unknown>('better-sqlite3');
  try {
    new Database();
  } catch (error) {
    return error;
  }
  throw new Error('the stand-in did not throw');
}

describe('ocop serve with a better-sqlite3 built for another Node', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-serve-native-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should stop with the install check message: this Node, both ABIs, the fix', async () => {
    const { io } = captureIo({ ...sqliteEnv(join(dir, 'ocop.db')), OCOP_LOG_LEVEL: 'silent' });

    const failure = await runCli(['serve'], io).then(
      () => null,
      (error: unknown) => error as Error,
    );

    expect(failure?.message).toBe(explainNativeLoadFailure(whatTheAddonThrows()));
    expect(failure?.message).toContain(`this Node: ${process.version}`);
    expect(failure?.message).toContain('the addon: built for ABI 1:');
    expect(failure?.message).toContain('npm rebuild better-sqlite3');
  });
});
