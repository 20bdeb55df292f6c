import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/count-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // ajv (in the tests' independent validators and mock server) warns once per schema about the
    // OpenAPI formats it does not know (int32, int64, …) and ignores them, as the spec intends:
    // thousands of identical lines that bury real output. Those lines only are dropped.
    onConsoleLog(log) {
      if (/^unknown format "[^"]*" ignored in schema at path /.test(log.trim())) return false;
      return undefined;
    },
  },
});
