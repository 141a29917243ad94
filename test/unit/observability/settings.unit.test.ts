import { runCli } from '../../../src/cli/program';
import { ConfigError } from '../../../src/config/index';
import { observabilitySettings } from '../../../src/config/observability';
import { captureIo } from '../../cli/captureIo';

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

  describe('in production', () => {
    const production = { NODE_ENV: 'production', OCOP_JWT_SECRET: 'a-production-secret-of-at-least-32-bytes' };
    const OPEN = 'Production mode needs OCOP_METRICS_TOKEN or OCOP_METRICS_PORT';

    it.each([{ NODE_ENV: 'production' }, { OCOP_MODE: 'production' }, { NODE_ENV: ' Production ' }])(
      'should refuse /metrics open to anyone on the service port (%j)',
      (mode) => {
        expect(() => observabilitySettings(mode)).toThrow(ConfigError);
        expect(() => observabilitySettings(mode)).toThrow(OPEN);
      },
    );

    it('should take a token, or a port of its own', () => {
      const token = 'a-scrape-token-of-16+';
      expect(observabilitySettings({ ...production, OCOP_METRICS_TOKEN: token }).metricsToken).toBe(token);
      expect(observabilitySettings({ ...production, OCOP_METRICS_PORT: '9464' }).metricsPort).toBe(9464);
      expect(observabilitySettings({ OCOP_MODE: 'development', NODE_ENV: 'production' }).metricsToken).toBeNull();
    });

    it('should refuse to start without either, before opening a store', async () => {
      const env = { ...production, OCOP_SQLITE_PATH: '/nonexistent/never-opened.db' };
      await expect(runCli(['serve'], captureIo(env).io)).rejects.toThrow(OPEN);
    });
  });
});
