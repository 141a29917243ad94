import type { CommandObserver } from '../application/registry';
import type { Observability } from './index';

/** What the command path reports: each re-decision after a concurrent write, counted and logged. */
export function commandObserver({ logger, metrics }: Observability): CommandObserver {
  return {
    retried: (streamId) => {
      metrics.commandRetried();
      logger.debug({ stream: streamId }, 'command decided again after a concurrent write');
    },
  };
}
