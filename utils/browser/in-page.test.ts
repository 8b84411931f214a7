import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { passageInPage } from './in-page';

type Injection = Awaited<ReturnType<typeof fakeBrowser.scripting.executeScript>>;

/** The browser's answer to `scripting.executeScript`, and what it was asked to run. */
function stubInjection(answer: () => Promise<Injection>) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(answer);
}

describe('passageInPage (the link to the selection, made in the page)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs passage.js in the tab at once and gives its fragment', async () => {
    const fragment = { textStart: 'every storm', suffix: 'written' };
    const run = stubInjection(async () => [{ frameId: 0, result: { fragment } }] as Injection);
    expect(await passageInPage(7)).toEqual(fragment);
    expect(run).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/passage.js'], injectImmediately: true });
  });

  it('gives null, never an error, where none can be made', async () => {
    // The page found none (no selection, or not unique there).
    stubInjection(async () => [{ frameId: 0, result: { fragment: null } }] as Injection);
    expect(await passageInPage(7)).toBeNull();
    // A page extensions may not run in (a browser page, a store): the browser refuses the injection.
    stubInjection(() => Promise.reject(new Error('Cannot access contents of the page.')));
    expect(await passageInPage(7)).toBeNull();
    // The script crashed: Chromium gives no result, Firefox the error.
    stubInjection(async () => [{ frameId: 0, result: undefined }] as Injection);
    expect(await passageInPage(7)).toBeNull();
  });
});
