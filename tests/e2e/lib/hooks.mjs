// node:test hooks with deadlines. `--test-timeout` bounds tests, not hooks: a hook awaiting a browser that stopped
// answering would hold the whole run. Here every hook fails after its deadline instead.
import * as test from 'node:test';

/** Starting a browser (and what a suite opens before its tests) can take a while on a loaded machine. */
const SETUP = 180_000;
/** Closing, and the checks run after each test. */
const TEARDOWN = 60_000;

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
