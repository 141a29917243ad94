import { token } from '../../src/cli/token';
import { captureIo } from './captureIo';

/** A token for an office that no longer exists is still minted (for history), with a word on stderr. */
describe('ocop token for an abolished unit', () => {
  const mint = (role: string, unit: string) => {
    const run = captureIo({ OCOP_JWT_SECRET: 'a-secret-that-is-long-enough-for-tests-0123456789' });
    token({ role, unit, expires: '1h' }, run.io);
    return run;
  };

  it('should warn on stderr that province 06 is carried on by 19 Thái Nguyên', () => {
    const run = mint('PROVINCIAL_OFFICER', '06');
    expect(run.stderr()).toMatch(/06 Bắc Kạn no longer exists.*19 Thái Nguyên/);
  });

  it('should still print the token alone on stdout with no exit code', () => {
    const run = mint('PROVINCIAL_OFFICER', '06');
    expect(run.stdout()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(run.exitCode()).toBeUndefined();
  });

  it('should warn for a district of 2024, naming the province its communes are in', () => {
    expect(mint('DISTRICT_OFFICER', '066').stderr()).toMatch(/066 Na Rì no longer exists.*19 Thái Nguyên/);
  });

  it('should say nothing of succession for an office of today', () => {
    expect(mint('PROVINCIAL_OFFICER', '19').stderr()).toBe('');
  });
});
