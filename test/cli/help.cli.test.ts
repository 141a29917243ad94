import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import buildCompiled, { COMPILED_MAIN } from '../reliability/support/buildServer';

const COMMANDS = ['serve', 'schema', 'token', 'export', 'import', 'replay', 'verify', 'digest', 'backup', 'qr'];

describe('The ocop command as a person runs it', () => {
  let dir: string;
  let path: string;
  beforeAll(() => buildCompiled(), 180_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-cli-'));
    path = join(dir, 'never-opened.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The compiled CLI on a store path that does not exist: a command that opened its store would create it. */
  const ocop = (...args: string[]) => {
    const run = spawnSync(process.execPath, [COMPILED_MAIN, ...args], {
      env: { ...process.env, OCOP_STORE: 'sqlite', OCOP_SQLITE_PATH: path },
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('should list every command with what it does on ocop --help, and exit with 0', () => {
    const { code, stdout } = ocop('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ocop \[options\] \[command\]/);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command}\\b.*\\S`, 'm'));
  });

  it.each([
    ['verify', '--stream <id>'],
    ['export', '--after <position>'],
    ['digest', '--events <count>'],
    ['token', '--expires <duration>'],
    ['import', '<file>'],
    ['qr', '--out <file>'],
    ['backup', '--to <file>'],
  ])('should describe the options of ocop %s --help', (command, option) => {
    const { code, stdout } = ocop(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: ocop ${command}`);
    expect(stdout).toContain(option);
  });

  it('should refuse ocop verify --strem X with exit code 2, suggest --stream, and verify nothing', () => {
    const { code, stdout, stderr } = ocop('verify', '--strem', 'X');
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--strem'");
    expect(stderr).toContain('Did you mean --stream?');
    expect(stdout).toBe('');
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    [['export', '--out'], "Option '--out <file>' argument missing"],
    [['digest', '--events', 'x'], 'It must be a whole number of events'],
    [['digest', '--at', '7'], 'A position is a cursor such as "42:42"'],
    [['digest', '--at', '1:1', '--events', '3'], 'cannot be used with'],
    [['import'], "Missing required argument 'file'"],
    [['replay', 'extra'], 'Too many arguments'],
    [['token', '--role', 'ANALYST'], '--unit is required'],
    [['nonsense'], "Unknown command 'nonsense'"],
    [['--strem'], "Unknown option '--strem'"],
  ])('should refuse %j with exit code 2 and say why, touching no store', (args, message) => {
    const { code, stdout, stderr } = ocop(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
    expect(existsSync(path)).toBe(false);
  });

  it('should exit with 1 and say why when the command itself fails', () => {
    const { code, stderr } = ocop('import', join(dir, 'missing.ndjson'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/ENOENT|no such file/);
  });
});
