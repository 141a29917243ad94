import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE_LOG_WORKLOADS, parseArgs } from './config';
import { ensureDataset } from './synthetic/dataset';
import { computeRatios } from './ratios';
import { describeMachine } from './support/machine';
import { DATA_DIR, RESULTS_DIR, ensureDir } from './support/paths';
import type { Row } from './support/results';
import { ratiosTable, resultsTables } from './support/table';
import { runWorkloads } from './workloads';

/** `npm run bench [-- --quick] [-- --profile]`: every workload side by side, one table, one JSON file. */
async function main(): Promise<void> {
  const config = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine();
  const options = [...(config.mode === 'quick' ? ['--quick'] : []), ...(config.only ? [`--only=${config.only}`] : [])];
  const command = `npm run bench${options.length ? ` -- ${options.join(' ')}` : ''}`;
  console.log(`${command}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  const province = await ensureDataset('province');
  const needsLarge = config.only === null || LARGE_LOG_WORKLOADS.includes(config.only);
  const large = needsLarge && config.largeScale !== 'province' ? await ensureDataset(config.largeScale) : province;
  for (const d of new Set([province, large])) {
    const how = d.generated ? `generated in ${Math.round(d.summary.generatedMs / 1000)} s` : 'cached';
    console.log(`data: ${d.summary.scale}, ${d.summary.events.toLocaleString('en-US')} events (${how})`);
  }
  const work = mkdtempSync(join(ensureDir(DATA_DIR), 'run-'));
  const profileDir = config.profile ? ensureDir(join(DATA_DIR, 'profiles')) : undefined;
  let rows: Row[];
  try {
    rows = await runWorkloads(config, { province: province.path, large: large.path, work, profileDir });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ratios = computeRatios(rows, config.mode);
  console.log(`\n${resultsTables(rows)}\n\n### targets\n\n${ratiosTable(ratios)}\n`);
  const finishedAt = new Date();
  const report = {
    command,
    mode: config.mode,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    machine,
    datasets: { province: province.summary, large: large.summary },
    rows,
    ratios,
  };
  const file = join(ensureDir(RESULTS_DIR), `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  // A full run of one workload is kept beside the full run of all, never over it.
  if (config.mode === 'full') {
    const latest = config.only === null ? 'latest-full.json' : `latest-full-${config.only.replace(/\W+/g, '-')}.json`;
    writeFileSync(join(RESULTS_DIR, latest), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(`results: ${file} (${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
