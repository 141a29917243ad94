import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/**
 * Cross-origin access for browser apps served from the listed origins (OCOP_CORS_ORIGINS): preflights
 * are answered here, and responses to a listed origin carry Access-Control-Allow-Origin. Other origins
 * get no such header, so their browsers refuse to read the answers. Apollo's CSRF prevention still
 * refuses simple (non-preflighted) requests, which a browser sends without asking first.
 *
 * Returns whether the request was answered (a preflight).
 */
export function createCors(
  origins: readonly string[],
): (request: IncomingMessage, response: ServerResponse) => boolean {
  if (origins.length === 0) return () => false;
  const middleware = cors({
    origin: [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
    exposedHeaders: ['etag', 'x-ocop-auth'],
  });
  return (request, response) => {
    // The allow-list is a plain array, so the middleware decides at once, before returning.
    middleware(request, response, () => undefined);
    return request.method === 'OPTIONS';
  };
}

/** OCOP_CORS_ORIGINS: comma-separated origins such as `https://ocop.backan.gov.vn,http://localhost:5173`. */
export function parseOrigins(text: string | undefined): string[] {
  const origins = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(`OCOP_CORS_ORIGINS takes origins such as https://example.org (no path), got ${origin}`);
  }
  return origins;
}
