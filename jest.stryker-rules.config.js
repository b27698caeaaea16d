/** The Jest configuration Stryker's rule-core group runs: the project's own (SWC), unit tests only. */
const base = require('./jest.config');

module.exports = { ...base, roots: ['<rootDir>/test/unit'] };
