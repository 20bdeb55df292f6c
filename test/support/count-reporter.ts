// Prints a plain "N passed, N failed" closing line that CI parses, after vitest's own summary.
// Everything vitest counts as a failure is a failure here: failed tests, suites and modules that
// failed outside a test (a throwing beforeAll/afterAll, a module that does not load), and errors
// vitest caught outside any test (unhandled rejections, uncaught exceptions).
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countResults(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): Counts {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const mod of testModules) {
    let failedHere = 0;
    for (const test of mod.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    // Errors of the module itself (does not load, a hook at its top level) and of its suites (a
    // throwing beforeAll/afterAll): one failure each.
    let suiteErrors = mod.errors().length ? 1 : 0;
    for (const suite of mod.children.allSuites()) if (suite.errors().length) suiteErrors++;
    failedHere += suiteErrors;
    // A module vitest marks failed must count, even when nothing above explains why.
    if (mod.state() === 'failed' && failedHere === 0) failedHere = 1;
    failed += failedHere;
  }
  failed += unhandledErrors.length;
  if (reason === 'failed' && failed === 0) failed = 1;
  return { passed, failed, skipped };
}

export function closingLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    process.stdout.write(`\n${closingLine(countResults(testModules, unhandledErrors, reason))}\n`);
  }
}
