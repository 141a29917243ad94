import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const isCode = (name: string): boolean => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');

let version: string | null = null;

/**
 * The version of the code that builds the read models, as a snapshot records it: a SHA-256 of every
 * source file in projections/ (the reducers, their registration, the snapshot format itself) and of
 * the upcaster that shapes the events they are fed (and of the id rule the folded ids are keyed by), as they are on disk where this process runs them
 * (TypeScript under the tests, compiled JavaScript in dist/).
 *
 * Hashing the code rather than numbering it by hand means nobody has to remember to bump anything: a
 * field added to a record, a reducer fixed, anything changed in projections/ makes every older
 * snapshot stale, and the next start replays the whole log once. What it cannot see is a change in a
 * module outside projections/ that a reducer imports and calls while building (today reducers import
 * only types from src/domain); such a helper belongs in projections/ or in the list below.
 */
export function projectionCodeVersion(): string {
  if (version) return version;
  const files = readdirSync(__dirname)
    .filter(isCode)
    .map((name) => join(__dirname, name));
  files.push(require.resolve('../src/domain/upcast'), require.resolve('../src/domain/rules/ids'));
  const hash = createHash('sha256');
  for (const file of files.sort((a, b) => basename(a).localeCompare(basename(b)))) {
    hash
      .update(basename(file).replace(/\.(ts|js)$/, ''))
      .update('\u0000')
      .update(readFileSync(file));
  }
  return (version = hash.digest('hex'));
}
