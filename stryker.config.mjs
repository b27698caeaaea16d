// Mutation testing over the rule core and the tenant scoping (issue 12). `npm run mutate`.
// Scores, their date and the equivalent mutants: docs/mutation-testing.md.

/**
 * THE FILES TO MUTATE: the one place to update when files move (issue 11's refactor renames and
 * moves several of them; keep the groups, change the paths).
 */
const mutate = [
  // Rules and state machines (plain TypeScript, killed by test/unit in milliseconds).
  'src/linking/link-state.ts',
  'src/linking/link.rules.ts',
  'src/onboarding/onboarding-step.ts',
  'src/orders/order-state.ts',
  'src/orders/order.rules.ts',
  'src/unlinking/unlink.rules.ts',
  // Return windows (O2, O3, U3).
  'src/orders/return-window.ts',
  // Prime eligibility (P2, P3, O1).
  'src/catalog/prime-eligibility.ts',
  // Permissions and roles.
  'src/auth/role.ts',
  'src/auth/permissions.ts',
  // Webhook verification (O4).
  'src/orders/webhook-signature.ts',
  // Idempotency.
  'src/idempotency/idempotency.service.ts',
  // The merchant filters of every repository and loader (tenant scoping), and the SQL window.
  'src/linking/link.repository.ts',
  'src/unlinking/unlink-request.repository.ts',
  'src/catalog/catalog.repository.ts',
  'src/orders/order.repository.ts',
  'src/onboarding/onboarding-step.repository.ts',
  'src/server/loaders.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.stryker.config.js',
    // Each mutant runs only the test files that import (transitively) the mutated file.
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  timeoutMS: 30000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
