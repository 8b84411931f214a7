// node:test's `it` and hooks, each with a deadline. The e2e files run without `--test-timeout`: given on the command
// line it also bounds each whole file (the runner treats a file as one test), which then dies at the limit with
// nothing reported of the test that hung. Here each test fails on its own after four minutes, and each hook after
// one to three (the command-line flag never bounded hooks at all: one waiting on a browser that went away held the
// run); `npm test` bounds each file.
import * as test from 'node:test';

/** One test: the slowest (a 10 MB article) takes about a minute on a loaded machine. */
const TEST = 240_000;
/** Starting a browser and what a suite opens before its tests. */
const SETUP = 180_000;
/** Closing, and the checks run after each test. */
const TEARDOWN = 60_000;

export const it = (name, fn, options) => test.it(name, { timeout: TEST, ...options }, fn);
export const before = (fn, options) => test.before(fn, { timeout: SETUP, ...options });
export const after = (fn, options) => test.after(fn, { timeout: TEARDOWN, ...options });
export const afterEach = (fn, options) => test.afterEach(fn, { timeout: TEARDOWN, ...options });

/** Closes the browser, then the test server, even when the browser fails to close. */
export async function closeAll(driver, server) {
  try {
    await driver?.close();
  } finally {
    await server?.close();
  }
}
