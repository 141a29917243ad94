import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const COMPILED_MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** The newest modification time of any TypeScript source the build compiles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Jest global setup of the reliability project: the child-process tests run the compiled server,
 * so compile it once per run, and only when a source file changed since the last build.
 */
export default function buildServer(): void {
  const built = existsSync(COMPILED_MAIN) ? statSync(COMPILED_MAIN).mtimeMs : 0;
  const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'projections')));
  if (built > sources) return;
  process.stdout.write('\nreliability: compiling the server (npm run build)\n');
  const startedAt = Date.now();
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    // tsc still emits on type errors; those are `npm run typecheck`'s to report, not these tests'.
    if (!existsSync(COMPILED_MAIN) || statSync(COMPILED_MAIN).mtimeMs < startedAt) throw error;
    process.stdout.write('reliability: the build reported type errors; testing the JavaScript it emitted\n');
  }
}
