import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ensureDir } from '../support/paths';
import { type GenerationSummary, generate, temporarySuffix } from './generate';
import { SCALES, type Scale } from './scale';

/** Bumped whenever the generator changes what it writes, so a stale cache is never reused. */
const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20240322;

export interface Dataset {
  readonly path: string;
  readonly summary: GenerationSummary;
  /** True when this run generated it; false when the cached file was reused. */
  readonly generated: boolean;
}

/** The cached SQLite log for a scale and seed, generated first if this machine has none yet. */
export async function ensureDataset(scale: Scale['name'], seed = DEFAULT_SEED): Promise<Dataset> {
  const base = join(ensureDir(DATA_DIR), `${scale}-seed${seed}-g${GENERATOR_VERSION}`);
  const path = `${base}.db`;
  const summaryPath = `${base}.json`;
  if (existsSync(path) && existsSync(summaryPath)) {
    return { path, summary: JSON.parse(readFileSync(summaryPath, 'utf8')) as GenerationSummary, generated: false };
  }
  const temporary = `${base}${temporarySuffix()}.db`;
  try {
    const summary = await generate(SCALES[scale], seed, temporary);
    renameSync(temporary, path);
    writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
    return { path, summary, generated: true };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true });
  }
}
