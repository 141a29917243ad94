import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferenceData } from './check';
import { FILES, generate } from './generate';
import {
  DATA_DIR,
  LICENCE_FILE,
  findSourceDir,
  namesDisagreeing,
  readCommitted,
  readSources,
  repoRoot,
} from './sources';

/** `npm run refdata`: regenerate the committed reference data from the shared sources when present, then check it. */
function main(): number {
  const sourceDir = findSourceDir(repoRoot());
  if (sourceDir) {
    const sources = readSources(sourceDir);
    const disagreeing = namesDisagreeing(sources);
    for (const line of disagreeing) console.error(`refdata: ${line}`);
    if (disagreeing.length > 0) return 1;
    const files = generate(sources.units, sources.mapping);
    for (const key of Object.keys(FILES) as (keyof typeof FILES)[])
      writeFileSync(join(DATA_DIR, FILES[key]), files[key]);
    writeFileSync(join(DATA_DIR, LICENCE_FILE), sources.licence);
    console.log(`refdata: regenerated ${Object.values(FILES).join(', ')} from ${sourceDir}`);
  } else {
    console.log('refdata: no shared sources found (set OCOP_REFDATA_SOURCE); checking the committed files only');
  }
  const committed = readCommitted();
  const failures = checkReferenceData(committed.units, committed.bacKan, committed.mapping);
  for (const failure of failures) console.error(`refdata: ${failure}`);
  if (failures.length > 0) return 1;
  console.log(
    `refdata: ok: ${committed.units.provinces.length} provinces and ${committed.units.communes.length} communes ` +
      `from ${committed.units.from}; Bắc Kạn's ${committed.bacKan.districts.length} districts and ` +
      `${committed.bacKan.communes.length} old communes until ${committed.bacKan.until}; ` +
      `${committed.mapping.rows.length} old → new rows`,
  );
  return 0;
}

process.exitCode = main();
