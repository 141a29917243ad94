#!/usr/bin/env node
import './compileCache';
import 'reflect-metadata';
import { runCli } from './cli/program';

/** The `ocop` command (`ocop --help`); with no command name it serves the GraphQL API. */
runCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
