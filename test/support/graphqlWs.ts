import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsResult {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A graphql-ws client of the server at `httpUrl`, with this Authorization in connectionParams (none: anonymous). */
export function wsClient(httpUrl: string, authorization?: string | null): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : undefined,
    retryAttempts: 0,
  });
}

/** The first result of one operation over `client`: its data, or the errors it was refused with. */
export function wsOnce(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query, variables },
      {
        next: (value) => resolve(value as WsResult),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => undefined,
      },
    );
  });
}
