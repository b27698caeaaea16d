import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { committedSchemas, printCommittedSchema, schemaPath } from '../src/server/schema-file';

/** Writes schema/schema.graphql (production) and schema/schema.sandbox.graphql (development) from the code. A test fails when either is stale. */
async function main() {
  for (const schema of committedSchemas) {
    writeFileSync(schemaPath(schema), await printCommittedSchema(schema));
    process.stdout.write(`Wrote ${schemaPath(schema)}\n`);
  }
}

void main();
