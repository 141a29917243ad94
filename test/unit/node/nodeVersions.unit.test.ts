import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node versions named in several files agree: the recommended line (.nvmrc, .node-version), the
 * types the code is checked against, the ranges npm admits (engines) and the releases CI fetches.
 */
const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };
const recommended = read('.nvmrc').trim();
const version = (text: string) => text.split('.').map(Number) as [number, number, number];

/** `^20.19.0 || ^22.15.0 || ^24.0.0`: the lowest release admitted on each major line. */
const floors = pkg.engines.node.split('||').map((range) => {
  const match = /^\s*\^(\d+\.\d+\.\d+)\s*$/.exec(range);
  if (!match) throw new Error(`engines: "${range}" is not a ^x.y.z range`);
  return version(match[1]!);
});

const admitted = (release: string): boolean => {
  const [major, minor, patch] = version(release);
  return floors.some(([m, n, p]) => m === major && (minor > n || (minor === n && patch >= p)));
};

const pinnedInCi = [...read('scripts/ci/installNode.sh').matchAll(/\[(\d+)\]=(\d+\.\d+\.\d+)/g)].map((m) => ({
  major: m[1]!,
  release: m[2]!,
}));

describe('the Node versions the project names', () => {
  it('should recommend one line, the same in .nvmrc and .node-version, admitted by engines', () => {
    expect(recommended).toMatch(/^\d+$/);
    expect(read('.node-version').trim()).toBe(recommended);
    expect(admitted(`${recommended}.99.99`)).toBe(true);
  });

  it("should check the code against the recommended line's types", () => {
    expect(pkg.devDependencies['@types/node']?.split('.')[0]).toBe(recommended);
  });

  it('should fetch for CI exact releases that engines admits, the recommended line among them', () => {
    expect(pinnedInCi.map((p) => p.major)).toContain(recommended);
    for (const { major, release } of pinnedInCi) {
      expect(release.split('.')[0]).toBe(major);
      expect(admitted(release)).toBe(true);
    }
  });

  it('should not admit the releases below each floor', () => {
    expect(admitted('20.18.3')).toBe(false);
    expect(admitted('22.14.0')).toBe(false);
    expect(admitted('21.7.3')).toBe(false);
  });
});
