import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema';

/**
 * The schema as committed in `schema/schema.graphql`: the development build (sandbox controls
 * included, each described as "Sandbox only"), sorted so that diffs show only real changes.
 */
export async function printCommittedSchema(): Promise<string> {
  const schema = await buildAppSchema({ sandboxControls: true });
  return `# Generated from the code by \`npm run schema\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
