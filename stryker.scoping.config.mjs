// Mutation testing, group 2 of 2: tenant scoping, the SQL return window and idempotency, against the
// in-process integration and hardening tests (`npm run mutate`).
import { base, reports } from './stryker.base.mjs';
import { scoping } from './stryker.files.mjs';

export default {
  ...base,
  ...reports('scoping'),
  mutate: scoping,
  jest: { projectType: 'custom', configFile: 'jest.stryker-scoping.config.js', enableFindRelatedTests: false },
};
