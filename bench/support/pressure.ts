import { readFileSync } from 'node:fs';

/**
 * Linux's CPU pressure (/proc/pressure/cpu): microseconds in which some runnable task on the machine
 * waited for a CPU. Over a window, it tells how contended the shared machine was while a latency
 * was measured. Null where the kernel does not report it.
 */
function cpuWaitMicros(): number | null {
  try {
    const some = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}

/** Starts a window; its end gives the percentage of it in which some task waited for a CPU. */
export function cpuWaitWindow(): () => number | null {
  const startedAt = performance.now();
  const start = cpuWaitMicros();
  return () => {
    const end = cpuWaitMicros();
    if (start === null || end === null) return null;
    return Math.round(((end - start) / 1000 / (performance.now() - startedAt)) * 100);
  };
}
