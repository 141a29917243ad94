#!/usr/bin/env node
import 'reflect-metadata';
import { schema } from './cli/schema';
import { serve } from './cli/serve';
import { token } from './cli/token';
import { digest } from './cli/digest';
import { exportLog } from './cli/export';
import { importLog } from './cli/import';
import { replay } from './cli/replay';
import { verify } from './cli/verify';

/** The `ocop` command: `serve` (the default) runs the GraphQL service; `schema` prints the SDL. */
const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve,
  schema,
  token,
  export: exportLog,
  import: importLog,
  replay,
  verify,
  digest,
};

async function main(argv: string[]): Promise<void> {
  const [name = 'serve', ...args] = argv;
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command ${name}. Commands: ${Object.keys(COMMANDS).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
