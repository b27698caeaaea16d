// Settings both Stryker groups share (see stryker.files.mjs for what each mutates).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export const base = {
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  incremental: true,
  // Two cores shared with other work: one test process at a time.
  concurrency: 1,
  timeoutMS: 30000,
  timeoutFactor: 2,
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  warnings: { slow: false },
};

export function reports(group) {
  return {
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${group}.html` },
    jsonReporter: { fileName: `reports/mutation/${group}.json` },
    incrementalFile: `reports/stryker-incremental-${group}.json`,
  };
}
