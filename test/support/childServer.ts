import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

/** jose ships ES modules only: TypeScript takes its types, Node 20 (or Jest's transform) its code. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose: typeof Jose = require('jose');

/** The compiled `ocop` command (the reliability project builds it before its tests run). */
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export const TEST_JWT_SECRET = 'reliability-test-secret-at-least-32-bytes-long';
export const TEST_CLAIMS = { sub: 'reliability', role: 'PROVINCIAL_OFFICER', unit: '06' } as const;

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
  /** The body, when it was not JSON. */
  raw?: string;
}

export interface ChildServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly pid: number;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** POSTs a body exactly as given (malformed JSON included). */
  post(body: string, headers?: Record<string, string>): Promise<GraphQLAnswer>;
  get(path: string): Promise<{ status: number; body: string }>;
  /** Resolves when the process has ended, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** Everything the process wrote so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ChildOptions {
  /** Extra environment (OCOP_SQLITE_PATH, OCOP_STORE, ...); PORT defaults to 0, a free port. */
  readonly env?: Record<string, string>;
  readonly startTimeoutMs?: number;
  /** Run as this user (needs root): file permissions do not bind root, so tests of them drop it. */
  readonly user?: { uid: number; gid: number };
}

let token: Promise<string> | undefined;

/** A bearer token for a provincial officer, signed with the secret every child server is given. */
export function bearerToken(): Promise<string> {
  token ??= new jose.SignJWT({ role: TEST_CLAIMS.role, unit: TEST_CLAIMS.unit })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(TEST_CLAIMS.sub)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
  return token;
}

/** The parent's environment without its OCOP_ settings, which must not leak into the child. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('OCOP_')) env[key] = value;
  // Load tests send far more than a client would from one address; a test of the limits sets its own.
  const generous = {
    OCOP_RATE_LIMIT_PER_ADDRESS: '1000000',
    OCOP_RATE_LIMIT_PER_TOKEN: '1000000',
    OCOP_MAX_WHOLE_LOG_PER_CALLER: '1000',
    OCOP_MAX_WHOLE_LOG_TOTAL: '1000',
  };
  // Production refuses to serve /metrics without a token; no test here scrapes a child's metrics.
  const metrics = { OCOP_METRICS_TOKEN: 'reliability-metrics-token' };
  return { ...env, PORT: '0', OCOP_JWT_SECRET: TEST_JWT_SECRET, ...metrics, ...generous, ...extra };
}

function launch(options: ChildOptions): { child: ChildProcess; output: () => string; exited: ChildServer['exited'] } {
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: childEnv(options.env),
    stdio: 'pipe',
    ...options.user,
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

/** Starts `ocop serve` and resolves once it prints the address it listens on. */
export async function startChildServer(options: ChildOptions = {}): Promise<ChildServer> {
  const { child, output, exited } = launch(options);
  let running = true;
  void exited.then(() => (running = false));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output()}`)),
      options.startTimeoutMs ?? 20_000,
    );
    const look = () => {
      const match = /OCOP registry on http:\/\/[^:]+:(\d+)\//.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output()}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const post = async (body: string, headers: Record<string, string> = {}): Promise<GraphQLAnswer> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearerToken()}`, ...headers },
      body,
    });
    const raw = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(raw) as object) };
    } catch {
      return { status: response.status, raw };
    }
  };
  return {
    origin,
    pid: child.pid!,
    gql: (query, variables) => post(JSON.stringify({ query, variables })) as never,
    post,
    async get(path) {
      const response = await fetch(`${origin}${path}`);
      return { status: response.status, body: await response.text() };
    },
    exited,
    isRunning: () => running,
    output,
    async kill(signal = 'SIGTERM') {
      if (!running) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Runs `ocop serve` expecting it to refuse to start; resolves with its exit code and output. */
export async function runChildToExit(
  options: ChildOptions & { timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited } = launch(options);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  const { code } = await exited;
  clearTimeout(timer);
  return { code, output: output() };
}
