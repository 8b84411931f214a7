// Polling helpers that tolerate pages still loading (extension tabs in Firefox throw while they switch documents).
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn` in `page` until it returns a truthy value; returns that value. */
export async function waitFor(page, fn, arg, { timeout = 10_000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await page.evaluate(fn, arg);
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
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
