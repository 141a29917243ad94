import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** The repository root, from here in src/ or in dist/src/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** Where `npm run build` puts the explorer's assets, and where the server looks for them. */
export const EXPLORER_ASSETS = join(repositoryRoot(), 'dist', 'explorer');

/**
 * Bundles GraphiQL, React, graphql-ws and the page's script into explorer.js and explorer.css: the
 * explorer then needs nothing but the service, which serves them.
 */
export async function bundleExplorer(outdir: string = EXPLORER_ASSETS): Promise<void> {
  await build({
    entryPoints: { explorer: join(repositoryRoot(), 'src', 'http', 'explorer', 'browser.mjs') },
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  bundleExplorer().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
