import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../shared/project-root';
import { buildAppSchema } from './schema';

/** The committed schemas: what production serves, and the development build with the sandbox controls. */
export const committedSchemas = [
  { file: 'schema.graphql', sandboxControls: false, what: 'the production schema (NODE_ENV=production serves exactly this)' },
  { file: 'schema.sandbox.graphql', sandboxControls: true, what: 'the development schema: production plus the sandbox controls, each described as "Sandbox only"' },
] as const;

export type CommittedSchema = (typeof committedSchemas)[number];

export function schemaPath(schema: Pick<CommittedSchema, 'file'>): string {
  return join(projectRoot(), 'schema', schema.file);
}

/** A committed schema as the code builds it, sorted so that diffs show only real changes. */
export async function printCommittedSchema(schema: Pick<CommittedSchema, 'sandboxControls' | 'what'>): Promise<string> {
  const built = await buildAppSchema({ sandboxControls: schema.sandboxControls });
  return `# Generated from the code by \`npm run schema\`; do not edit by hand.\n# This is ${schema.what}.\n\n${printSchema(lexicographicSortSchema(built))}\n`;
}
