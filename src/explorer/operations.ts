import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../shared/project-root';

export interface ExampleOperation {
  /** The file name, such as `05-CompleteSellerCentralLink.graphql`. */
  file: string;
  document: string;
}

export const operationsFolder = join(projectRoot(), 'schema', 'operations');

/** The example operations of `schema/operations/`, in the order of the help-page story. */
export function loadExampleOperations(folder: string = operationsFolder): ExampleOperation[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, document: readFileSync(join(folder, file), 'utf8') }));
}
