import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BacKanFile, MappingFile, UnitsFile } from './check';
import { FILES, type SourceMapping, type SourceUnits } from './generate';

/** The repository: the nearest folder above this file with a package.json (the same from source and from dist/). */
export function repoRoot(from = __dirname): string {
  return existsSync(join(from, 'package.json')) ? from : repoRoot(dirname(from));
}

/** Where the committed copy lives (documented in its README). */
export const DATA_DIR = join(repoRoot(), 'src', 'domain', 'rules', 'units', 'reference');

const SOURCE_FILES = {
  units: 'units-2026-07-25.json',
  mapping: 'ward-mappings-2025-07-01.json',
  licence: 'LICENSE-vietnamese-provinces-database.txt',
} as const;

/**
 * The shared sources: `OCOP_REFDATA_SOURCE`, or `shared/reference-data/vn-administrative-units` beside
 * the repository (or beside its folder of worktrees). A fresh clone has none: null.
 */
export function findSourceDir(repoRoot: string): string | null {
  const relative = join('shared', 'reference-data', 'vn-administrative-units');
  const candidates = [
    process.env['OCOP_REFDATA_SOURCE'],
    resolve(repoRoot, '..', relative),
    resolve(repoRoot, '..', '..', relative),
  ];
  return candidates.find((dir) => dir !== undefined && existsSync(join(dir, SOURCE_FILES.units))) ?? null;
}

export function readSources(dir: string): { units: SourceUnits[]; mapping: SourceMapping; licence: string } {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    units: JSON.parse(read(SOURCE_FILES.units)) as SourceUnits[],
    mapping: JSON.parse(read(SOURCE_FILES.mapping)) as SourceMapping,
    licence: read(SOURCE_FILES.licence),
  };
}

export const LICENCE_FILE = SOURCE_FILES.licence;

export function readCommitted(dir = DATA_DIR): { units: UnitsFile; bacKan: BacKanFile; mapping: MappingFile } {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
  return {
    units: read(FILES.units) as UnitsFile,
    bacKan: read(FILES.bacKan) as BacKanFile,
    mapping: read(FILES.mapping) as MappingFile,
  };
}

/** The mapping's new names must be the units file's names for every row kept (the same unit, not a reused code). */
export function namesDisagreeing(sources: { units: SourceUnits[]; mapping: SourceMapping }): string[] {
  const names = new Map(sources.units.flatMap((p) => p.Wards.map((w) => [w.Code, w.FullName] as const)));
  const [province, code, name] = ['old_province_name', 'new_ward_code', 'new_ward_name'].map((c) =>
    sources.mapping.columns.indexOf(c),
  ) as [number, number, number];
  return sources.mapping.rows
    .filter((row) => row[province] === 'Tỉnh Bắc Kạn' && names.get(String(row[code])) !== row[name])
    .map((row) => `${row[code]} is ${row[name]} in the mapping but ${names.get(String(row[code]))} in the units`);
}
