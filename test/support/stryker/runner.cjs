/**
 * Jest's in-band runner for Stryker's mutant runs (jest.stryker-scoping.config.js). Stryker runs a mutant
 * with a testNamePattern naming the tests that cover it, but Jest still loads every test file (each
 * importing the whole server) to find them: about 25 s a mutant however few tests cover it. This runner
 * runs only the files that hold a test the pattern names (the environment records each file's names; a
 * file not seen yet runs), one at a time, the quickest first, and stops at the first file in which a test
 * failed: a mutant that runs every test (a "static" one, reached outside any test, in a beforeAll) is
 * then usually killed within seconds.
 */
const TestRunner = require('jest-runner').default;
const { state, loadIndex, saveIndex } = require('./run-state.cjs');

class StrykerRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const { rootDir, testNamePattern } = this._globalConfig;
    loadIndex(rootDir);
    state.failed = false;
    const pattern = testNamePattern ? new RegExp(testNamePattern, 'i') : null;
    const holdsANamedTest = (test) => !state.names.has(test.path) || state.names.get(test.path).some((name) => pattern.test(name));
    const named = pattern ? tests.filter(holdsANamedTest) : tests;
    const chosen = (named.length > 0 ? named : tests).slice();
    const duration = (test) => state.durations.get(test.path) ?? 0;
    chosen.sort((a, b) => duration(a) - duration(b));
    try {
      for (const test of chosen) {
        if (state.failed || watcher.isInterrupted()) break;
        const started = Date.now();
        await super.runTests([test], watcher, { ...options, serial: true });
        // Only a whole file's run says what the file costs (a pattern runs part of it).
        if (!pattern && !state.failed) {
          state.durations.set(test.path, Date.now() - started);
          state.changed = true;
        }
      }
    } finally {
      saveIndex(rootDir);
    }
  }
}

module.exports = StrykerRunner;
