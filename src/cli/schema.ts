import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { createSchema } from '../graphql/schema';
import type { CliIo } from './io';

export const SCHEMA_FILE = 'schema/schema.graphql';

/** The SDL as committed: emitted from the resolver classes, so the file can never drift unnoticed. */
export async function schemaText(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}

export const schemaCommand = (io: CliIo): Command =>
  new Command('schema')
    .description('Print the GraphQL schema (SDL) the service answers.')
    .option('--write', `update ${SCHEMA_FILE} instead`)
    .action(async (options: { write?: boolean }) => {
      const text = await schemaText();
      if (options.write) writeFileSync(SCHEMA_FILE, text);
      else io.stdout.write(text);
    });
