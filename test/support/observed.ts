import { type Observability, quietObservability } from '../../src/observability';
import { createLogger } from '../../src/observability/logger';

export type LogLine = Record<string, unknown> & { msg: string; level: string };

/** Observability whose log lines are kept in memory, as the JSON objects the service writes. */
export function capturingObservability(parts: Partial<Observability> = {}): Observability & {
  lines: () => LogLine[];
  text: () => string;
} {
  const written: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', destination: { write: (line) => written.push(line) } });
  return {
    ...quietObservability({ logger, ...parts }),
    lines: () => written.map((line) => JSON.parse(line) as LogLine),
    text: () => written.join(''),
  };
}
