import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The install check (npm's postinstall) against a better-sqlite3 built for another Node. Breaking the
 * real install would break every checkout sharing it, so a stand-in module throws what Node throws
 * then: ERR_DLOPEN_FAILED with its NODE_MODULE_VERSION message.
 */
const CHECK = join(__dirname, '..', '..', 'scripts', 'node', 'checkNative.cjs');
const run = promisify(execFile);

const thisAbi = process.versions.modules;
const otherAbi = thisAbi === '115' ? '137' : '115';

/** Node's own words for an addon of another ABI (src/node_binding.cc), for the addon in `file`. */
const mismatchMessage = (file: string, builtFor: string, required: string) =>
  `The module '${file}'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${builtFor}. ` +
  `This version of Node.js requires\nNODE_MODULE_VERSION ${required}. Please try re-compiling or re-installing\n` +
  'the module (for instance, using `npm rebuild` or `npm install`).';

async function check(module?: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, module ? [CHECK, module] : [CHECK]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('the install check of better-sqlite3', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-native-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A module in place of better-sqlite3 whose Database constructor throws `error`. */
  function standIn(name: string, error: { message: string; code?: string }): string {
    const path = join(dir, `${name}.js`);
    writeFileSync(
      path,
      `module.exports = function Database() {
        throw Object.assign(new Error(${JSON.stringify(error.message)}), ${JSON.stringify(error.code ? { code: error.code } : {})});
      };\n`,
    );
    return path;
  }

  it('should pass on this install', async () => {
    expect(await check()).toEqual({ code: 0, stderr: '' });
  });

  it('should fail an addon built for another ABI, naming this Node, both ABIs and the fix', async () => {
    const addon = '/srv/ocop/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const module = standIn('mismatched', { message: mismatchMessage(addon, otherAbi, thisAbi), code: 'ERR_DLOPEN_FAILED' });

    const { code, stderr } = await check(module);

    expect(code).toBe(1);
    expect(stderr).toContain(`this Node: ${process.version} (${process.execPath}), ABI ${thisAbi}`);
    expect(stderr).toContain(`the addon: built for ABI ${otherAbi} (Node ${otherAbi === '115' ? 20 : 24}): ${addon}`);
    expect(stderr).toMatch(/npm_config_nodedir=\S* npm rebuild better-sqlite3/);
  });

  it('should fail an addon that does not load for another reason, with its message', async () => {
    const module = standIn('noglibc', {
      message: "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found",
      code: 'ERR_DLOPEN_FAILED',
    });

    const { code, stderr } = await check(module);

    expect(code).toBe(1);
    expect(stderr).toContain("the error: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found");
    expect(stderr).toContain('npm rebuild better-sqlite3');
  });

  it('should fail when the module cannot even open an in-memory database', async () => {
    const { code, stderr } = await check(standIn('broken', { message: 'out of memory' }));

    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.js does not load: Error: out of memory/);
  });
});
