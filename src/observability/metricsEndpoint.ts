import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Observability } from './index';

function authorized(request: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GET /metrics: the Prometheus text format, behind the bearer token when one is configured. */
export async function serveMetrics(
  { metrics, metricsToken }: Observability,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!authorized(request, metricsToken)) {
    response.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' }).end('unauthorized\n');
    return;
  }
  const body = await metrics.registry.metrics();
  response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
}

/** /metrics on a port of its own (OCOP_METRICS_PORT), so the service port need not expose it. */
export async function startMetricsServer(
  observability: Observability,
  port: number,
  host = '0.0.0.0',
): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics') return void response.writeHead(404).end();
    serveMetrics(observability, request, response).catch((error: unknown) => {
      observability.logger.error({ err: error }, 'metrics could not be collected');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
