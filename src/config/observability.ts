import { ConfigError } from './index';
import { isProduction, openMetrics } from './mode';
import type { LogFormat, ObservabilitySettings } from '../observability/settings';

export type { LogFormat, ObservabilitySettings };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * OCOP_LOG_LEVEL (info), OCOP_LOG_FORMAT (json; pretty by default when NODE_ENV=development),
 * OCOP_METRICS_PORT, OCOP_METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT, OCOP_MIN_POSITION_WAIT_MS (5000).
 * Production mode refuses /metrics on the service port without a token (config/mode.ts).
 */
export function observabilitySettings(env: NodeJS.ProcessEnv): ObservabilitySettings {
  const logLevel = env['OCOP_LOG_LEVEL'] || 'info';
  if (!LEVELS.includes(logLevel))
    throw new ConfigError(`OCOP_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got ${logLevel}`);
  const logFormat = env['OCOP_LOG_FORMAT'] || (env['NODE_ENV'] === 'development' ? 'pretty' : 'json');
  if (logFormat !== 'json' && logFormat !== 'pretty')
    throw new ConfigError(`OCOP_LOG_FORMAT must be json or pretty, got ${logFormat}`);
  const metricsToken = env['OCOP_METRICS_TOKEN'] || null;
  if (metricsToken !== null && metricsToken.length < 16)
    throw new ConfigError('OCOP_METRICS_TOKEN must be at least 16 characters long');
  const otlpEndpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT'] || null;
  if (otlpEndpoint !== null && !URL.canParse(otlpEndpoint))
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be a URL, got ${otlpEndpoint}`);
  const metricsPort = optionalPort(env, 'OCOP_METRICS_PORT');
  const open = openMetrics(production(env), metricsPort, metricsToken);
  if (open) throw new ConfigError(open);
  return {
    logLevel,
    logFormat,
    metricsPort,
    metricsToken,
    otlpEndpoint,
    minPositionWaitMs: wholeNumber(env, 'OCOP_MIN_POSITION_WAIT_MS', 5000),
  };
}

function production(env: NodeJS.ProcessEnv): boolean {
  try {
    return isProduction(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function optionalPort(env: NodeJS.ProcessEnv, name: string): number | null {
  const given = env[name];
  if (given === undefined || given === '') return null;
  const port = Number(given);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${name} must be a port number, got ${given}`);
  return port;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const given = env[name];
  if (given === undefined || given === '') return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 0 || value > 60_000)
    throw new ConfigError(`${name} must be a whole number of milliseconds up to 60000, got ${given}`);
  return value;
}
