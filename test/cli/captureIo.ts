import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';

/** Runs a command in process: its environment, and what it wrote, kept for the test. */
export function captureIo(env: Record<string, string>) {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const out = sink();
  const err = sink();
  let exitCode: number | undefined;
  const io: CliIo = {
    env: { ...env },
    stdout: out.stream,
    stderr: err.stream,
    setExitCode: (code) => void (exitCode = code),
  };
  return { io, stdout: out.text, stderr: err.text, exitCode: () => exitCode };
}

export const sqliteEnv = (path: string) => ({ OCOP_STORE: 'sqlite', OCOP_SQLITE_PATH: path });
