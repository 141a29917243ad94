import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

const ASSETS: Record<string, string> = {
  '/explorer/explorer.js': 'text/javascript; charset=utf-8',
  '/explorer/explorer.css': 'text/css; charset=utf-8',
};

/** Everything the page needs comes from the service itself; fonts and icons are inlined in the CSS. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
  "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OCOP registry · GraphQL explorer</title>
<link rel="stylesheet" href="/explorer/explorer.css">
<style>
  html, body, #explorer { height: 100%; margin: 0; }
  .ocop-explorer { display: flex; flex-direction: column; height: 100%; }
  .ocop-explorer .graphiql-container { flex: 1; min-height: 0; }
  .ocop-token { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem;
    font: 14px system-ui, sans-serif; border-bottom: 1px solid #ddd; }
  .ocop-token input { flex: 1; max-width: 40rem; font: inherit; padding: 0.2rem 0.4rem; }
</style>
</head>
<body>
<div id="explorer"></div>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;

export interface ExplorerOptions {
  /** Serve the explorer: in development, and in production when OCOP_EXPLORER=true. */
  readonly enabled: boolean;
  /** Where `npm run build` bundled its assets (src/http/explorer/bundle.ts). */
  readonly assetsDir: string;
}

const wantsPage = (request: IncomingMessage, url: URL): boolean =>
  request.method === 'GET' && !url.searchParams.has('query') && (request.headers.accept ?? '').includes('text/html');

/**
 * GraphiQL for browsers at GET /graphql (a GET that asks for HTML and carries no query; anything else
 * is GraphQL as usual), its bundled assets under /explorer/, and GET / sending browsers there.
 * Returns whether it answered the request.
 */
export function createExplorerRoutes(options: ExplorerOptions) {
  const assets = new Map<string, Buffer>();
  const asset = (path: string): Buffer | null => {
    const file = join(options.assetsDir, path.slice('/explorer/'.length));
    if (!assets.has(path) && existsSync(file)) assets.set(path, readFileSync(file));
    return assets.get(path) ?? null;
  };
  return (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
    if (!options.enabled || request.method !== 'GET') return false;
    if (url.pathname === '/') {
      response.writeHead(302, { location: '/graphql' }).end();
      return true;
    }
    if (url.pathname === '/graphql' && wantsPage(request, url)) {
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': 'no-cache',
        })
        .end(PAGE);
      return true;
    }
    const type = ASSETS[url.pathname];
    if (!type) return false;
    const body = asset(url.pathname);
    if (!body) {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The explorer is not built: run `npm run build`.\n');
      return true;
    }
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
    return true;
  };
}
