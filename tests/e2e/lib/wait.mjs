// Polling helpers that tolerate pages still loading (extension tabs in Firefox throw while they switch documents).
/** A call into a browser that gets no answer in this time fails (a browser that went away never answers). */
export const CALL_DEADLINE = 60_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or a rejection once `ms` have passed (a page or worker that stopped answering can't hang a test). */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from ${what} in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Polls `fn` in `page` until it returns a truthy value; returns that value. */
export async function waitFor(page, fn, arg, { timeout = 10_000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await within(page.evaluate(fn, arg), Math.max(timeout, 5_000), `the page (${what})`);
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    await sleep(100);
  }
}

/** Polls a Node-side async function until it returns a truthy value. */
export async function until(fn, { timeout = 10_000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await within(fn(), Math.max(timeout, 5_000), what).catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
