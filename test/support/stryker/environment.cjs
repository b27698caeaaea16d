/**
 * The Node test environment, plus two things for Stryker's mutant runs (jest.stryker-scoping.config.js):
 * it records the full name of every test of its file (for the runner's choice of files), and once a test
 * or a hook has failed it skips every test after it. Jest cannot bail programmatically, so without this a
 * killed mutant still runs every test that covers it; the verdict is the same either way (one failure
 * kills a mutant).
 *
 * A test that already holds an error is never skipped: when a beforeAll fails, Jest adds the hook's error
 * to every test under it and reports them failed as they start. Skipping those would report a file whose
 * setup broke as passed, and the mutant that broke it as survived (the run of 2026-12-07 reported 35 mutants so, killed once this was fixed).
 */
const { TestEnvironment } = require('jest-environment-node');
const { state } = require('./run-state.cjs');

/** A test's name as Jest's testNamePattern sees it: its describe blocks' names and its own, joined by spaces. */
function testNames(block, prefix, into) {
  for (const child of block.children) {
    const name = prefix === null ? child.name : `${prefix} ${child.name}`;
    if (child.type === 'describeBlock') testNames(child, name, into);
    else into.push(name);
  }
  return into;
}

class StrykerEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async handleTestEvent(event, circusState) {
    if (event.name === 'run_start') {
      state.names.set(this.testPath, testNames(circusState.rootDescribeBlock, null, []));
      state.changed = true;
    } else if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      state.failed = true;
    } else if (event.name === 'test_start' && state.failed && event.test.errors.length === 0) {
      event.test.mode = 'skip';
    }
  }
}

module.exports = StrykerEnvironment;
