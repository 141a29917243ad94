import type { WebSocketServer } from 'ws';

const TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * A graphql-ws message over the size limit: ws closes the connection with 1009 (message too big) and
 * emits an error that graphql-ws would log with its stack as an internal error. It is the caller's
 * mistake, not the server's: one line (`warn`) names the address, and nothing else is logged.
 * Registered before graphql-ws, so it sees each socket first.
 */
export function quietOversizedMessages(
  wsServer: WebSocketServer,
  warn: (line: Record<string, unknown>, message: string) => void,
): void {
  wsServer.on('connection', (socket, request) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'error' && (args[0] as { code?: unknown } | undefined)?.code === TOO_LARGE) {
        warn(
          { address: request.socket.remoteAddress, closeCode: 1009 },
          'graphql-ws message over the size limit: connection closed',
        );
        return true;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });
}
