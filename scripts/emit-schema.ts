import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCommittedSchema } from '../src/server/schema-file';

/** Writes schema/schema.graphql from the code. A test fails when the committed file is stale. */
async function main() {
  const path = join(__dirname, '..', 'schema', 'schema.graphql');
  writeFileSync(path, await printCommittedSchema());
  process.stdout.write(`Wrote ${path}\n`);
}

void main();
