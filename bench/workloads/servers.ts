import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_BENCH, COMPILED_MAIN } from '../support/paths';

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first line naming the URL (start-up includes catching up the log). */
  readonly startMs: number;
  /** performance.now() when it was spawned. */
  readonly spawnedAt: number;
  stop(): Promise<void>;
}

/** The signing key the bench server is started with; tokens for mutations are minted with it. */
export const BENCH_JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789abcdef';

/** Spawns a server and waits for the line that names its URL. */
function spawnServer(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[^\s]+\/graphql)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        url: match[1]!,
        child,
        startMs: performance.now() - started,
        spawnedAt: started,
        stop: () => stop(child),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before it listened:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The real service (`ocop serve`, compiled), on a copy of a log, exactly as an operator starts it
 * (read-model snapshots beside the file, remembered answers on), or with `env` changing that.
 */
export function startOcopServer(
  sqlitePath: string,
  profileDir?: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return spawnServer([...profile, COMPILED_MAIN, 'serve'], {
    PORT: '0',
    OCOP_STORE: 'sqlite',
    OCOP_SQLITE_PATH: sqlitePath,
    OCOP_SEED_PLAN: 'false',
    OCOP_JWT_SECRET: BENCH_JWT_SECRET,
    NODE_ENV: 'production',
    // Production serves /metrics only behind a token; the bench does not scrape it.
    OCOP_METRICS_TOKEN: 'bench-metrics-token-never-scraped',
    // The load generator is one address and one official asking thousands of times a second.
    OCOP_RATE_LIMIT_PER_ADDRESS: '1000000000',
    OCOP_RATE_LIMIT_PER_TOKEN: '1000000000',
    OCOP_MAX_WHOLE_LOG_PER_CALLER: '1000000',
    OCOP_MAX_WHOLE_LOG_TOTAL: '1000000',
    ...env,
  });
}

/** Milliseconds from spawning the server to its first 200 from /readyz. */
export async function readyMs(server: ServerProcess): Promise<number> {
  const readyz = server.url.replace(/\/graphql$/, '/readyz');
  for (;;) {
    const response = await fetch(readyz).catch(() => null);
    if (response?.ok) return performance.now() - server.spawnedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The most memory the process has held (VmHWM), in MiB; null where /proc is not there. */
export function peakRssMiB(server: ServerProcess): number | null {
  try {
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** Apollo Server 5 answering constants (see bareApollo.ts): what the stack allows at best. */
export function startBareApollo(constantsFile: string): Promise<ServerProcess> {
  return spawnServer([join(COMPILED_BENCH, 'workloads', 'bareApollo.js'), constantsFile], { NODE_ENV: 'production' });
}
