import { type Logger, createLogger, silentLogger } from './logger';
import { type Metrics, createMetrics } from './metrics';
import type { ObservabilitySettings } from './settings';
import { type Tracing, noTracing, tracingFor } from './tracing';

/** The service's logger, metrics and tracing, made once at start-up and passed to what reports on itself. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracing: Tracing;
  /** False when /metrics is served on a port of its own (OCOP_METRICS_PORT). */
  readonly metricsOnServicePort: boolean;
  readonly metricsToken: string | null;
  readonly minPositionWaitMs: number;
}

export function createObservability(settings: ObservabilitySettings): Observability {
  return {
    logger: createLogger({ level: settings.logLevel, format: settings.logFormat }),
    metrics: createMetrics(),
    tracing: tracingFor(settings),
    metricsOnServicePort: settings.metricsPort === null,
    metricsToken: settings.metricsToken,
    minPositionWaitMs: settings.minPositionWaitMs,
  };
}

/** Nothing logged or traced; metrics kept (in a registry of their own). Parts may be given. */
export function quietObservability(parts: Partial<Observability> = {}): Observability {
  return {
    logger: silentLogger(),
    metrics: createMetrics(),
    tracing: noTracing,
    metricsOnServicePort: true,
    metricsToken: null,
    minPositionWaitMs: 5000,
    ...parts,
  };
}

export type { Logger, Metrics, Tracing };
