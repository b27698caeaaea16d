import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The frontend teams' typed client kit: `npm run codegen` turns the production schema and the
 * console's operations (schema/operations/, less the sandbox's) into typed documents in
 * client/generated/. A test fails when they are stale; `tsc` type-checks them and client/example.ts.
 */
/** Where the files go; the suite's staleness check writes them elsewhere (CODEGEN_OUT) and compares. */
const output = process.env.CODEGEN_OUT ?? 'client/generated/';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql', '!schema/operations/*Sandbox*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [output]: {
      preset: 'client',
      config: {
        scalars: { DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
