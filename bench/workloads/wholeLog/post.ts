import { Agent, request } from 'node:http';

export interface Answer {
  readonly status: number;
  /** The first error's `extensions.code` (or `HTTP <status>` when there is none), null for an answer without errors. */
  readonly code: string | null;
}

/** A new connection for every request, as each visitor's first request opens one. */
export const freshConnections = (): Agent => new Agent({ keepAlive: false, maxSockets: Infinity });

/**
 * Connections kept open and reused, as a browser or a reverse proxy keeps them, and opened when all
 * are busy. An idle one is closed after 4 s, before the server's keep-alive timeout (Node's 5 s)
 * could close it just as it is reused (ECONNRESET, a failure of the client's making).
 */
export const keptAliveConnections = (): Agent => new Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4000 });

class TimeoutError extends Error {}

/** What a request that got no answer failed with: the socket's error code, or "timeout". */
export const failureCode = (error: unknown): string =>
  (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof TimeoutError ? 'timeout' : 'no answer');

/** One GraphQL POST over node:http with the agent given, read whole and checked for errors. */
export function postGraphql(
  url: URL,
  agent: Agent,
  query: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Answer> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: codeOf(res.statusCode ?? 0, chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function codeOf(status: number, chunks: Buffer[]): string | null {
  let parsed: { errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof parsed;
  } catch {
    return `HTTP ${status}`;
  }
  const code = parsed.errors?.[0]?.extensions?.code;
  if (typeof code === 'string') return code;
  return status === 200 && !parsed.errors ? null : `HTTP ${status}`;
}
