import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from '../support/childServer';
import { Random, intFromEnv, printFigures, seedFromEnv } from './support/random';
import { type SoakTally, seedSoak, soakClient } from './support/soakLoad';

/**
 * Soak: mixed reads and writes from many clients against the server process for SOAK_SECONDS
 * (10 in `npm test`, 60 by default in `npm run soak`), reporting throughput, answers by code,
 * latency and the server's resident memory over time. Memory must level off: the last third of the
 * run may not grow much more than the first, beyond what the data it added explains (the read models,
 * and the copies time travel keeps, live in memory). Figures are reported, never asserted as speeds.
 */
const SECONDS = intFromEnv('SOAK_SECONDS', 10);
const CLIENTS = intFromEnv('SOAK_CLIENTS', 16);
const SEED = seedFromEnv('SOAK_SEED');
/** The share of requests that are writes; 0 gives a read-only soak, whose memory should stay flat. */
const WRITE_SHARE = Number(process.env['SOAK_WRITE_SHARE'] ?? 0.25);
/** Growth the last third may show beyond the first third's: heap sizing is lumpy on a short run. */
const RSS_SLACK_MB = 24;
/**
 * RSS allowed per event the last third appended: the live read models, up to four time-travel copies
 * of them and the heap's headroom came to about 5 KB per event on 60–180 s soaks.
 */
const RSS_KB_PER_EVENT = 8;

/** How many events the log holds (positions are row ids, never reused). */
function eventCount(dir: string): number {
  const db = new Database(join(dir, 'ocop.db'), { readonly: true });
  try {
    return (db.prepare('SELECT MAX(position) AS n FROM events').get() as { n: number | null }).n ?? 0;
  } finally {
    db.close();
  }
}

/** The process's resident set, in MB, from /proc. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

describe('Soak: mixed load over time', () => {
  let server: ChildServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-soak-'));
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
  });
  afterAll(async () => {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `should serve ${CLIENTS} clients for ${SECONDS} s without an unexpected error, its memory levelling off`,
    async () => {
      const products = await seedSoak(server);
      const tally: SoakTally = {
        requests: 0,
        mutations: 0,
        codes: new Map(),
        examples: new Map(),
        unexpected: [],
        latenciesMs: [],
      };
      const samples: number[] = [rssMb(server.pid)];
      const stored: number[] = [eventCount(dir)];
      const sampler = setInterval(() => {
        samples.push(rssMb(server.pid));
        stored.push(eventCount(dir));
      }, 1000);
      const started = Date.now();
      const random = new Random(SEED);
      try {
        await Promise.all(
          Array.from({ length: CLIENTS }, () =>
            soakClient(server, products, random.fork(), started + SECONDS * 1000, tally, WRITE_SHARE),
          ),
        );
      } finally {
        clearInterval(sampler);
      }
      const elapsed = (Date.now() - started) / 1000;
      samples.push(rssMb(server.pid));
      stored.push(eventCount(dir));
      const third = Math.max(1, Math.floor(samples.length / 3));
      const growth = (part: number[]) => round(part.at(-1)! - part[0]!);
      const [first, last] = [samples.slice(0, third + 1), samples.slice(-third - 1)];
      const dataAllowance = round((growth(stored.slice(-third - 1)) * RSS_KB_PER_EVENT) / 1024);
      const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
      printFigures('soak', {
        seed: SEED,
        seconds: round(elapsed),
        clients: CLIENTS,
        'write share': WRITE_SHARE,
        requests: tally.requests,
        'requests per second': round(tally.requests / elapsed),
        'writes per second': round(tally.mutations / elapsed),
        'answers by code': [...tally.codes].map(([code, n]) => `${code} ${n}`).join(', '),
        'first message by code': [...tally.examples].map(([code, message]) => `${code}: ${message}`).join(' | '),
        'unexpected errors': tally.unexpected.length,
        'latency ms p50 / p95 / p99 / max': [0.5, 0.95, 0.99, 1].map((p) => round(percentile(sorted, p))).join(' / '),
        'RSS MB samples (1 s apart)': samples.map((s) => Math.round(s)).join(' '),
        'RSS growth MB first third / last third': `${growth(first)} / ${growth(last)}`,
        'allowed for the data the last third added (MB)': dataAllowance,
        'events appended': growth(stored),
        'RSS growth KB per event appended, over the run': round((growth(samples) * 1024) / Math.max(growth(stored), 1)),
        'store file MB': round(statSync(join(dir, 'ocop.db')).size / 2 ** 20),
      });
      expect(tally.unexpected).toEqual([]);
      expect(tally.codes.get('OK') ?? 0).toBeGreaterThan(0);
      expect(server.isRunning()).toBe(true);
      expect((await server.get('/readyz')).status).toBe(200);
      expect(growth(last)).toBeLessThanOrEqual(Math.max(growth(first), 0) + RSS_SLACK_MB + dataAllowance);
    },
    (SECONDS + 120) * 1000,
  );
});
