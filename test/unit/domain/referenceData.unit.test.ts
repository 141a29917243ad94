import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferenceData } from '../../../scripts/refdata/check';
import { FILES, generate } from '../../../scripts/refdata/generate';
import {
  DATA_DIR,
  LICENCE_FILE,
  findSourceDir,
  namesDisagreeing,
  readCommitted,
  readSources,
  repoRoot,
} from '../../../scripts/refdata/sources';

const sourceDir = findSourceDir(repoRoot());
if (!sourceDir) {
  console.warn('SKIPPED: no shared/reference-data/vn-administrative-units beside the repository (OCOP_REFDATA_SOURCE)');
}
const withSources = sourceDir ? describe : describe.skip;

describe('the committed reference data', () => {
  it('should pass every check of npm run refdata (counts, codes, mapping)', () => {
    const { units, bacKan, mapping } = readCommitted();
    expect(checkReferenceData(units, bacKan, mapping)).toEqual([]);
  });

  it('should fail the checks when a mapped code does not exist', () => {
    const { units, bacKan, mapping } = readCommitted();
    const broken = { ...mapping, rows: [...mapping.rows, ['99999', '02185'] as [string, string]] };
    expect(checkReferenceData(units, bacKan, broken)).toContain(
      "mapped old commune 99999 is not among Bắc Kạn's old communes",
    );
  });

  it('should fail the checks when a commune is missing', () => {
    const { units, bacKan, mapping } = readCommitted();
    const fewer = { ...units, communes: units.communes.slice(1) };
    expect(checkReferenceData(fewer, bacKan, mapping)).toContain(
      'communes and wards from 2025-07-01: 3320, expected 3321',
    );
  });
});

withSources(`npm run refdata from ${sourceDir ?? 'the shared sources'}`, () => {
  it('should produce exactly the committed files', () => {
    const sources = readSources(sourceDir!);
    const produced = generate(sources.units, sources.mapping);
    for (const key of Object.keys(FILES) as (keyof typeof FILES)[]) {
      expect({ file: FILES[key], text: readFileSync(join(DATA_DIR, FILES[key]), 'utf8') }).toEqual({
        file: FILES[key],
        text: produced[key],
      });
    }
    expect(readFileSync(join(DATA_DIR, LICENCE_FILE), 'utf8')).toBe(sources.licence);
  });

  it('should find the mapping and the units file naming every kept new unit alike', () => {
    expect(namesDisagreeing(readSources(sourceDir!))).toEqual([]);
  });
});
