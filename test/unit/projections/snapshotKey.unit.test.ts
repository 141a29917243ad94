import { createHmac } from 'node:crypto';
import { snapshotKey } from '../../../projections/snapshotKey';
import { ConfigError, loadConfig } from '../../../src/config';
import { DEVELOPMENT_JWT_SECRET } from '../../../src/http/auth/tokens';

const JWT_SECRET = 'a-production-secret-of-at-least-32-bytes';
const OWN_KEY = 'Zq8vN3c!xR1pL7wT0bY5mK2sD9fH4jG6';
const production = { NODE_ENV: 'production', OCOP_JWT_SECRET: JWT_SECRET };

describe('The key read-model snapshots are signed with', () => {
  it('should be derived from OCOP_JWT_SECRET, never the secret itself', () => {
    const key = loadConfig(production).snapshots!.key;
    expect(key).toEqual(snapshotKey(JWT_SECRET));
    expect(key).not.toEqual(Buffer.from(JWT_SECRET));
    expect(key).not.toEqual(createHmac('sha256', JWT_SECRET).digest());
  });

  it('should come from OCOP_SNAPSHOT_KEY when set, which must be as strong as a token secret', () => {
    expect(loadConfig({ ...production, OCOP_SNAPSHOT_KEY: OWN_KEY }).snapshots!.key).toEqual(snapshotKey(OWN_KEY));
    expect(() => loadConfig({ ...production, OCOP_SNAPSHOT_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, OCOP_SNAPSHOT_KEY: 'short' })).toThrow(
      'OCOP_SNAPSHOT_KEY must be at least 32 bytes long',
    );
  });

  it('should be derived from the development secret in development, and need no new setting', () => {
    expect(loadConfig({}).snapshots!.key).toEqual(snapshotKey(DEVELOPMENT_JWT_SECRET));
  });

  it('should turn snapshots off in production with a JWKS URL and no secret to sign them with', () => {
    const jwks = { NODE_ENV: 'production', OCOP_JWKS_URL: 'https://idp.example/jwks' };
    expect(loadConfig(jwks).snapshots).toBeNull();
    expect(loadConfig({ ...jwks, OCOP_SNAPSHOT_KEY: OWN_KEY }).snapshots!.key).toEqual(snapshotKey(OWN_KEY));
  });
});
