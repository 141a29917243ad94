import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const OBSERVABILITY = join(__dirname, '..', '..', 'dist', 'src', 'observability', 'index.js');
const SETTINGS = join(__dirname, '..', '..', 'dist', 'src', 'config', 'observability.js');

/**
 * Makes the service's observability in a fresh Node process and lists the OpenTelemetry modules it
 * loaded, apart from the API package: prom-client's process metrics require that one whatever tracing
 * does (it is the no-op facade; no SDK, context manager or exporter comes with it).
 */
function openTelemetryModulesLoaded(env: Record<string, string>): string[] {
  const script = `
    const { createObservability } = require(${JSON.stringify(OBSERVABILITY)});
    const { observabilitySettings } = require(${JSON.stringify(SETTINGS)});
    const observability = createObservability(observabilitySettings(process.env));
    const loaded = Object.keys(require.cache).filter((path) => path.includes('@opentelemetry') && !path.includes('@opentelemetry/api/'));
    process.stdout.write(JSON.stringify(loaded));
    observability.tracing.shutdown().then(() => process.exit(0));
  `;
  const output = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env['PATH'], OCOP_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('tracing without a collector', () => {
  it('should load no OpenTelemetry SDK module when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
    expect(openTelemetryModulesLoaded({})).toEqual([]);
  });

  it('should load the SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
    const loaded = openTelemetryModulesLoaded({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(loaded.some((path) => path.includes('sdk-trace-node'))).toBe(true);
  });
});
