// Mutation testing, group 1 of 2: the rule core against the unit tests alone (`npm run mutate`).
import { base, reports } from './stryker.base.mjs';
import { ruleCore } from './stryker.files.mjs';

export default {
  ...base,
  ...reports('rules'),
  mutate: ruleCore,
  jest: { projectType: 'custom', configFile: 'jest.stryker-rules.config.js', enableFindRelatedTests: false },
};
