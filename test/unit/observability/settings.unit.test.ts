import { ConfigError } from '../../../src/config/index';
import { observabilitySettings } from '../../../src/config/observability';

describe('Observability settings from the environment', () => {
  it('should default to JSON lines at info, /metrics on the service port, open, and no tracing', () => {
    expect(observabilitySettings({})).toEqual({
      logLevel: 'info',
      logFormat: 'json',
      metricsPort: null,
      metricsToken: null,
      otlpEndpoint: null,
      minPositionWaitMs: 5000,
    });
  });

  it('should log pretty text in development unless told otherwise', () => {
    expect(observabilitySettings({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(observabilitySettings({ NODE_ENV: 'development', OCOP_LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });

  it('should take every setting given', () => {
    expect(
      observabilitySettings({
        OCOP_LOG_LEVEL: 'debug',
        OCOP_METRICS_PORT: '9464',
        OCOP_METRICS_TOKEN: 'a-scrape-token-of-16+',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OCOP_MIN_POSITION_WAIT_MS: '250',
      }),
    ).toEqual({
      logLevel: 'debug',
      logFormat: 'json',
      metricsPort: 9464,
      metricsToken: 'a-scrape-token-of-16+',
      otlpEndpoint: 'http://collector:4318',
      minPositionWaitMs: 250,
    });
  });

  it.each([
    ['OCOP_LOG_LEVEL', 'verbose'],
    ['OCOP_LOG_FORMAT', 'xml'],
    ['OCOP_METRICS_PORT', '70000'],
    ['OCOP_METRICS_TOKEN', 'short'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'not a url'],
    ['OCOP_MIN_POSITION_WAIT_MS', '-1'],
    ['OCOP_MIN_POSITION_WAIT_MS', '600000'],
  ])('should refuse %s=%s, naming the variable', (name, value) => {
    expect(() => observabilitySettings({ [name]: value })).toThrow(ConfigError);
    expect(() => observabilitySettings({ [name]: value })).toThrow(name);
  });
});
