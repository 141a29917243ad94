import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** dependency-cruiser with the project's rules over `paths`: the rules each import broke. */
function violations(...paths: string[]): string[] {
  const bin = join(ROOT, 'node_modules', '.bin', 'depcruise');
  let output: string;
  try {
    output = execFileSync(bin, [...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    // It exits non-zero when a rule is broken, with the report on stdout all the same.
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('The direction of imports between layers', () => {
  it('should refuse the domain importing the HTTP host', () => {
    expect(violations('test/unit/structure/fixture')).toEqual([
      'domain-imports-only-inward: test/unit/structure/fixture/src/domain/rule.ts → test/unit/structure/fixture/src/http/host.ts',
    ]);
  });
});
