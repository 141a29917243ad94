import { mintToken } from '../../../src/http/auth/tokens';
import { Rng } from '../../support/rng';
import { type HeavyKind, type LogExtent, heavyQuery } from './heavyQueries';
import { failureCode, freshConnections, postGraphql } from './post';

/** Per kind: answers with data, refusals by code, requests with no answer by failure, how long the answered ones took. */
export interface HeavyTally {
  readonly kind: HeavyKind;
  workers: number;
  completed: number;
  readonly refused: Map<string, number>;
  readonly failed: Map<string, number>;
  readonly seconds: number[];
}

/** Each analyst runs this many requests at once: under the service's per-caller limit of whole-log work (4). */
export const REQUESTS_PER_ANALYST = 3;
/** Worker i asks for KIND_CYCLE[i % 5]: of 15, six asOf, three each of the others. */
const KIND_CYCLE: readonly HeavyKind[] = ['asOf', 'asOf', 'atPosition', 'auditDigest', 'events scan'];

export interface HeavyLoad {
  /** Stops sending; answers that arrive after this are not counted (the server is stopped next). */
  stop(): HeavyTally[];
}

/**
 * `count` closed-loop workers, each sending its next whole-log request as soon as the last one is
 * answered, spread over analysts (role ANALYST, unit VN) REQUESTS_PER_ANALYST at a time, so neither
 * the per-caller limit nor (with count < 16) the global one refuses them when the service works as meant.
 */
export function startHeavyLoad(url: URL, secret: string, extent: LogExtent, count: number, seed: number): HeavyLoad {
  const agent = freshConnections();
  const tallies = new Map<HeavyKind, HeavyTally>();
  let running = true;
  const worker = async (index: number) => {
    const kind = KIND_CYCLE[index % KIND_CYCLE.length]!;
    const tally: HeavyTally = tallies.get(kind) ?? {
      kind,
      workers: 0,
      completed: 0,
      refused: new Map(),
      failed: new Map(),
      seconds: [],
    };
    tally.workers += 1;
    tallies.set(kind, tally);
    const analyst = `bench-analyst-${Math.floor(index / REQUESTS_PER_ANALYST)}`;
    const token = mintToken({ sub: analyst, role: 'ANALYST', unit: 'VN', expiresIn: '2h' }, secret);
    const rng = new Rng(seed + index);
    while (running) {
      const started = performance.now();
      const answer = await postGraphql(url, agent, heavyQuery(kind, extent, rng), {
        authorization: `Bearer ${token}`,
      }).catch((error: unknown) => ({ status: 0, code: failureCode(error) }));
      if (!running) break;
      const count = answer.status === 0 ? tally.failed : tally.refused;
      if (answer.code) count.set(answer.code, (count.get(answer.code) ?? 0) + 1);
      else {
        tally.completed += 1;
        tally.seconds.push((performance.now() - started) / 1000);
      }
    }
  };
  for (let i = 0; i < count; i++) void worker(i);
  return {
    stop() {
      running = false;
      agent.destroy();
      return [...tallies.values()];
    },
  };
}
