/**
 * What the Stryker test environment and test runner share within one Jest run of a mutant (both load
 * this module through Node's own require, outside the tests' sandboxes, so they see the same object):
 * whether a test has failed yet, and the full names of each test file's tests and how long it takes.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const INDEX_FILE = '.stryker-test-names.json';

const state = {
  /** A test or hook failed in this run: the mutant is killed, the rest of the run is skipped. */
  failed: false,
  /** Test file path -> the full names of its tests, as Jest's testNamePattern matches them. */
  names: new Map(),
  /** Test file path -> how long its last run took, in ms. */
  durations: new Map(),
  /** Whether `names` learnt something since it was last written. */
  changed: false,
};

/**
 * The index as an earlier runner process left it (Stryker restarts a runner after a timeout). Stryker's
 * dry run runs every file without a pattern first, so each file's names are written afresh before any
 * mutant's run reads them.
 */
function loadIndex(rootDir) {
  const file = join(rootDir, INDEX_FILE);
  if (state.names.size > 0 || !existsSync(file)) return;
  const { names = {}, durations = {} } = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, list] of Object.entries(names)) state.names.set(path, list);
  for (const [path, ms] of Object.entries(durations)) state.durations.set(path, ms);
}

function saveIndex(rootDir) {
  if (!state.changed) return;
  writeFileSync(join(rootDir, INDEX_FILE), JSON.stringify({ names: Object.fromEntries(state.names), durations: Object.fromEntries(state.durations) }));
  state.changed = false;
}

module.exports = { state, loadIndex, saveIndex };
