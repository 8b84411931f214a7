// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLibraryStore, type LibraryStore } from '@/utils/browser';
import { entryToSave, pendingEntry, type ArticleToSave } from '@/utils/library';
import type { ToastMessage } from '@/components/shared/Toast';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { ExportMenu } from './ExportMenu';

const article: ArticleToSave = {
  url: 'https://news.test/story',
  canonical: null,
  title: 'A story',
  byline: 'Ann Author',
  siteName: 'News',
  published: '2026-11-02',
  lang: 'en',
  dir: null,
  excerpt: null,
  html: '<p>Words of the story.</p>',
  text: 'Words of the story.',
  wordCount: 4,
  readingMinutes: 1,
  leadImage: null,
};

/** The files handed to the download link: name and bytes. */
function captureDownloads(): Array<{ name: string; blob: Blob }> {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

let store: LibraryStore;
afterEach(cleanup);
beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  useEnglishMessages();
  globalThis.indexedDB = new IDBFactory();
  store = openLibraryStore();
  const { entry, body } = entryToSave(article, { kept: 0, left: 0 }, 1000, null);
  await store.save(entry, body, []);
  await store.save(pendingEntry('https://news.test/later', 'Later', 2000, null), null, null);
});

describe('the Export menu', () => {
  it('opens as a disclosure, closes on Esc with the focus back, and exports a Markdown zip', async () => {
    const files = captureDownloads();
    const messages: ToastMessage[] = [];
    render(
      <ExportMenu
        ids={['https://news.test/story', 'https://news.test/later']}
        store={store}
        locale="en"
        onMessage={(m) => messages.push(m)}
      />,
    );
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getByRole('button', { name: 'EPUB book' }), { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    // A click elsewhere closes it too.
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(button.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Markdown files (zip)' }));
    await waitFor(() => expect(messages).toHaveLength(1));
    // The link not read yet has nothing to export: left out, and the message says so.
    expect(messages[0]).toMatchObject({ kind: 'ok', text: 'Exported: 1; links not read yet left out: 1' });
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('A story.zip');
    const zip = unzipSync(new Uint8Array(await files[0]!.blob.arrayBuffer()));
    expect(Object.keys(zip)).toEqual(['a-story.md']);
    expect(strFromU8(zip['a-story.md']!)).toContain('Words of the story.');
  });

  it('says why when there is nothing to export, and when the library cannot be read', async () => {
    const files = captureDownloads();
    const messages: ToastMessage[] = [];
    const { rerender } = render(
      <ExportMenu ids={['https://news.test/later']} store={store} locale="en" onMessage={(m) => messages.push(m)} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('button', { name: 'EPUB book' }));
    await waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Nothing to export/) });

    const broken: LibraryStore = { ...store, body: () => Promise.reject(new Error('read failed')) };
    rerender(
      <ExportMenu ids={['https://news.test/story']} store={broken} locale="en" onMessage={(m) => messages.push(m)} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('button', { name: 'EPUB book' }));
    await waitFor(() => expect(messages).toHaveLength(2));
    expect(messages[1]).toMatchObject({ kind: 'error', text: expect.stringMatching(/^The export failed/) });
    expect(files).toHaveLength(0);
    expect(await store.entries()).toHaveLength(2);
  });
});
