import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Pages load scripts and styles from this service only: no inline script or style, so injected markup
 * cannot run; no framing. Anything else (images, CSV, JSON) may run nothing at all; the browser's own
 * image viewer only needs its inline styles.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const RESOURCE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** No sniffing a type other than the one declared, no referrer sent to other sites. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Public facts change rarely and must not be stale for long: a minute, then revalidate by ETag. */
export const SHORT_CACHE = 'public, max-age=60, must-revalidate';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tagged template whose interpolations are escaped unless they are already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
type Part = string | number | Html | null | undefined | readonly Part[];
const render = (part: Part): string =>
  part === null || part === undefined
    ? ''
    : part instanceof Html
      ? part.text
      : Array.isArray(part)
        ? part.map(render).join('')
        : escapeHtml(String(part));
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ''), ''));
}

export const etagOf = (...parts: string[]): string =>
  `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;

export interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  /** Cacheable answers carry an ETag and a short Cache-Control; a matching If-None-Match gets 304. */
  etag?: string;
  headers?: Record<string, string>;
}

export function sendReply(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  const csp = reply.type.startsWith('text/html') ? PAGE_CSP : RESOURCE_CSP;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-security-policy': csp,
    'content-type': reply.type,
    ...reply.headers,
  };
  if (reply.etag) {
    headers['etag'] = reply.etag;
    headers['cache-control'] = SHORT_CACHE;
    headers['vary'] = 'accept';
    if (request.headers['if-none-match'] === reply.etag) return void response.writeHead(304, headers).end();
  } else headers['cache-control'] ??= 'no-store';
  response.writeHead(reply.status, headers).end(request.method === 'HEAD' ? undefined : reply.body);
}

/** True when the client asked for JSON rather than a page. */
export const wantsJson = (request: IncomingMessage): boolean =>
  /\bapplication\/json\b/.test(request.headers.accept ?? '') && !/\btext\/html\b/.test(request.headers.accept ?? '');
