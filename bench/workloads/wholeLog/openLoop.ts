import { Latencies } from '../../support/stats';
import { type Answer, failureCode } from './post';

export interface OpenLoopResult {
  readonly latencies: Latencies;
  readonly sent: number;
  /** Answers with an error, by code, and requests with no answer, by failure (see failureCode). */
  readonly failures: Map<string, number>;
  /** From the first request to the last sent (a late timer in this process shows as a lower rate). */
  readonly seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `send(i)` at a fixed rate for `seconds`, whether or not earlier requests were answered, and
 * times each from the instant it was due, not from when it went out: a stalled server then shows as
 * the whole stall in every request that was due during it (no coordinated omission), and so does a
 * late timer in this process. Waits for every request before returning; a failed one is timed until it failed.
 */
export async function openLoop(
  send: (i: number) => Promise<Answer>,
  ratePerSecond: number,
  seconds: number,
): Promise<OpenLoopResult> {
  const latencies = new Latencies();
  const failures = new Map<string, number>();
  const fail = (code: string) => failures.set(code, (failures.get(code) ?? 0) + 1);
  const period = 1000 / ratePerSecond;
  const total = Math.max(1, Math.round(ratePerSecond * seconds));
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * period;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      send(i).then(
        (answer) => {
          latencies.record(performance.now() - due);
          if (answer.code) fail(answer.code);
        },
        (error: unknown) => {
          latencies.record(performance.now() - due);
          fail(failureCode(error));
        },
      ),
    );
  }
  const sending = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  return { latencies, sent: total, failures, seconds: sending };
}
