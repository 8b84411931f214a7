// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { TextFragment } from '@/utils/share';
import { PopupApp, type PopupPage } from './PopupApp';

const page: PopupPage = {
  url: 'https://example.com/story?utm_source=feed',
  title: 'A story',
  site: 'example.com',
  canonical: null,
  siteName: 'Example',
  selection: 'the lamp was lit',
  unavailable: null,
};

/** What the clipboard got: the plain text of the last write. */
let copied: string[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  copied = [];
  vi.stubGlobal('navigator', {
    ...navigator,
    clipboard: {
      writeText: async (text: string) => void copied.push(text),
      write: async (items: { getType(type: string): Promise<Blob> }[]) =>
        void copied.push(await (await items[0]!.getType('text/plain')).text()),
    },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The popup's "Copy quote with source" with the page's fragment as `passageFragment` gives it; the copied text. */
async function quoteWith(passageFragment: () => Promise<TextFragment | null>): Promise<string> {
  render(
    <PopupApp
      page={page}
      ready
      initialSettings={DEFAULT_SETTINGS}
      onOpenReader={() => {}}
      onOpenOptions={() => {}}
      onOpenLibrary={() => {}}
      passageFragment={passageFragment}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Copy quote with source' }));
  await waitFor(() => expect(copied).toHaveLength(1));
  return copied[0]!;
}

describe('PopupApp quotes (the page’s selection)', () => {
  it('link to the passage with the fragment made in the page, on the clean address', async () => {
    const text = await quoteWith(() => Promise.resolve({ textStart: 'the lamp was lit', suffix: 'for' }));
    expect(text).toBe(
      '“the lamp was lit”\n— A story — Example\nhttps://example.com/story#:~:text=the%20lamp%20was%20lit,-for',
    );
  });

  it('carry the clean link where the page made none or could not run the script — never an error', async () => {
    expect(await quoteWith(() => Promise.resolve(null))).toBe(
      '“the lamp was lit”\n— A story — Example\nhttps://example.com/story',
    );
    cleanup();
    copied = [];
    expect(await quoteWith(() => Promise.reject(new Error('Cannot access contents of the page')))).toBe(
      '“the lamp was lit”\n— A story — Example\nhttps://example.com/story',
    );
  });
});
