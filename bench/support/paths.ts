import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file (compiled or not) holding tsconfig.bench.json. */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.bench.json'))) return dir;
  }
  throw new Error(`No tsconfig.bench.json above ${from}`);
}

export const ROOT = findRoot(__dirname);
/** Generated data sets, cached between runs (gitignored). */
export const DATA_DIR = join(ROOT, 'bench', '.data');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
export const PEERS_DIR = join(ROOT, 'bench', 'peers');
/** Compiled bench entry points, for child processes. */
export const COMPILED_BENCH = join(ROOT, 'dist', 'bench');
export const COMPILED_MAIN = join(ROOT, 'dist', 'src', 'main.js');

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
