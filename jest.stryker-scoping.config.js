/**
 * The Jest configuration Stryker's scoping group runs each mutant against: the project's own (SWC, decorator
 * metadata), without the tests that cannot see a mutant. Those start separate server processes
 * (the instrumented code runs only in Jest's process), drive a browser, run code generation, or fuzz
 * at random; and the architecture tests, which read files rather than run them.
 *
 * Its environment and runner (test/support/stryker) make a mutant's run cost what its tests cost: only the
 * files holding a test that covers the mutant are loaded, and the run stops at its first failure.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testEnvironment: require.resolve('./test/support/stryker/environment.cjs'),
  runner: require.resolve('./test/support/stryker/runner.cjs'),
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/integration/crash-safety\\.test\\.ts$',
    '/test/integration/several-instances\\.test\\.ts$',
    '/test/integration/explorer\\.test\\.ts$',
    '/test/integration/production-mode\\.test\\.ts$',
    '/test/hardening/fuzz\\.test\\.ts$',
    '/test/hardening/limits\\.test\\.ts$',
    '/test/integration/startup\\.test\\.ts$',
    '/test/integration/client-kit\\.test\\.ts$',
    '/test/architecture/',
  ],
};
