import type { Row } from '../support/results';
import { round } from '../support/stats';
import { DISTRICT_TARGETS, checkOperation, signedIn } from './graphqlLoad';

/** `districtTargets` at an instant in the log's past: the first answer replays the prefix, later ones are cached. */
export async function measureAsOf(url: string, token: string, instant: string, repeats: number): Promise<Row> {
  const operation = signedIn(
    {
      name: 'districtTargets asOf',
      query: DISTRICT_TARGETS.query.replace('(year: 2024,', `(year: ${instant.slice(0, 4)}, asOf: "${instant}",`),
    },
    token,
  );
  const time = async () => {
    const started = performance.now();
    await checkOperation(url, operation);
    return performance.now() - started;
  };
  const first = await time();
  const again: number[] = [];
  for (let i = 0; i < repeats; i++) again.push(await time());
  again.sort((a, b) => a - b);
  return {
    workload: 'asOf',
    case: `districtTargets asOf ${instant}`,
    variant: 'ocop',
    metrics: { 'first ms': round(first, 1), 'repeated ms (median)': round(again[Math.floor(again.length / 2)]!, 2) },
  };
}
