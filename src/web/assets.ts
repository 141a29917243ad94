import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Reply, etagOf } from './http';

/**
 * The pages' script and stylesheet, built by `npm run build:web` (esbuild) into dist/web/ and served from
 * this service, never a CDN: offices may be offline. Only these names are served.
 */
const ASSETS: Record<string, string> = {
  'progress.js': 'text/javascript; charset=utf-8',
  'site.css': 'text/css; charset=utf-8',
};

/** dist/web/ of the package this file belongs to, whether it runs from src/ (tests) or dist/src/. */
function assetsDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

export async function assetReply(pathname: string): Promise<Reply | null> {
  if (!pathname.startsWith('/assets/')) return null;
  const name = pathname.slice('/assets/'.length);
  const type = ASSETS[name];
  if (!type) return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };
  try {
    const body = await readFile(join(assetsDir(), name));
    return { status: 200, type, body, etag: etagOf('asset', body.toString('base64')) };
  } catch {
    return { status: 404, type: 'text/plain; charset=utf-8', body: `${name} is not built: run npm run build:web` };
  }
}
