import { spawnSync } from 'node:child_process';
import buildCompiled, { COMPILED_MAIN } from '../reliability/support/buildServer';

/** `ocop token` as an office runs it: a commune officer's token names a commune code. */
describe('ocop token', () => {
  beforeAll(() => buildCompiled(), 180_000);
  const ocop = (...args: string[]) => {
    const run = spawnSync(process.execPath, [COMPILED_MAIN, ...args], { encoding: 'utf8', timeout: 20_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const claims = (token: string) =>
    JSON.parse(Buffer.from(token.trim().split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

  it('should print a COMMUNE_OFFICER token for commune 02155', () => {
    const { code, stdout } = ocop('token', '--role', 'COMMUNE_OFFICER', '--unit', '02155');
    expect(code).toBe(0);
    expect(claims(stdout)).toMatchObject({ role: 'COMMUNE_OFFICER', unit: '02155', sub: 'commune_officer-02155' });
  });

  it('should refuse a COMMUNE_OFFICER of a district code with exit code 2', () => {
    const { code, stderr } = ocop('token', '--role', 'COMMUNE_OFFICER', '--unit', '066');
    expect(code).toBe(2);
    expect(stderr).toContain('A COMMUNE_OFFICER works in a commune; 066 is a district');
  });
});
