import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentRequest } from './requestScope';

export type { Logger };

export interface LoggerOptions {
  readonly level: string;
  readonly format: 'json' | 'pretty';
  /** Where lines go; standard output by default. */
  readonly destination?: DestinationStream;
}

/**
 * The service's logger: one JSON object a line (or coloured text for a person at a terminal). Every
 * line written while a request is served carries its `requestId` and `correlationId`. Credentials
 * are never passed to it; the redaction is a second fence should one ever be.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination =
    options.destination ??
    (options.format === 'pretty'
      ? pretty({ sync: true, translateTime: 'SYS:standard' })
      : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: options.level,
      base: { service: 'ocop-registry' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['authorization', 'headers.authorization', 'token', 'variables'], censor: '[redacted]' },
      mixin: () => {
        const scope = currentRequest();
        return scope ? { requestId: scope.requestId, correlationId: scope.correlationId } : {};
      },
    },
    destination,
  );
}

/** A logger that writes nothing (tests and library use that give none). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
