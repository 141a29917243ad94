import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { createSchema } from '../graphql/schema';

export const SCHEMA_FILE = 'schema/schema.graphql';

/** The SDL as committed: emitted from the resolver classes, so the file can never drift unnoticed. */
export async function schemaText(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}

/** `ocop schema` prints the SDL; `ocop schema --write` updates schema/schema.graphql. */
export async function schema(args: string[]): Promise<void> {
  const text = await schemaText();
  if (args.includes('--write')) writeFileSync(SCHEMA_FILE, text);
  else process.stdout.write(text);
}
