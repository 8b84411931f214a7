// What the library's end-to-end tests share: the fixture articles they save, reading one in the reader, selecting a
// phrase in it, and the library page's list.
import assert from 'node:assert/strict';
import { openArticleTab, openReaderByCommand, waitClosed, waitFor, waitForNextToast } from './extension.mjs';

/** The three fixture articles (tests/fixtures/library-<name>.html) by name, with their titles. */
export const ARTICLES = {
  lighthouse: 'The keeper of the northern light',
  salt: 'Salt from the summer sea',
  bees: 'A city roof full of bees',
};

/** The titles the library page lists, in its order. */
export const listed = (library) =>
  library.evaluate(() =>
    [...document.querySelectorAll('[data-lectern="library-item"] .library-title')].map((a) => a.textContent),
  );

/** Waits until the library page lists `n` articles. */
export const waitForCount = (library, n) =>
  waitFor(library, (n) => document.querySelectorAll('[data-lectern="library-item"]').length === n, n, {
    what: `${n} articles listed`,
  });

/** Opens the fixture article `name` in a tab and its reader, once the article is shown: { page, tabId, reader, url }. */
export async function readFixture(driver, server, name) {
  const url = `${server.base}/articles/library-${name}`;
  const { page, tabId } = await openArticleTab(driver, url, '✓');
  const reader = await openReaderByCommand(driver, page);
  await reader.bringToFront();
  await waitFor(reader, () => !!document.querySelector('[data-lectern="article"] p'), undefined, { what: 'article' });
  return { page, tabId, reader, url };
}

/** Selects the first occurrence of `phrase` (within one text node) in the reader's article. */
export function selectPhrase(reader, phrase) {
  return reader.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.querySelector('[data-lectern="article"]'), 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return true;
    }
    return false;
  }, phrase);
}

/** Saves each named fixture article to the library with key B (the reader closed after), highlighting `highlight`'s phrase first. */
export async function saveFixtures(driver, server, names, highlight = {}) {
  for (const name of names) {
    const { reader, page } = await readFixture(driver, server, name);
    if (highlight[name]) {
      assert.ok(await selectPhrase(reader, highlight[name]), `"${highlight[name]}" in ${name}`);
      await reader.keyboard.press('l');
      await waitFor(reader, () => !!document.querySelector('mark[data-lectern="highlight"]'), undefined, {
        what: 'highlight drawn',
      });
      await reader.keyboard.press('Escape');
    }
    await reader.keyboard.press('b');
    assert.match(await waitForNextToast(reader), /Saved to library/);
    await reader.keyboard.press('Escape').catch(() => undefined);
    await waitClosed(reader);
    await page.close();
  }
}

/** Opens the article titled `title` from the library page (a click on its title); its reader, in front. */
export async function openFromLibrary(driver, library, title) {
  const opened = driver.nextReader();
  await library.evaluate(
    (title) =>
      [...document.querySelectorAll('[data-lectern="library-item"] .library-title')]
        .find((a) => a.textContent === title)
        .click(),
    title,
  );
  const reader = await opened;
  await reader.bringToFront();
  return reader;
}

/** The reader's first article image once it has loaded (loaded eagerly): its address and natural width. */
export const shownImage = (reader) =>
  waitFor(
    reader,
    () => {
      const img = document.querySelector('[data-lectern="article"] img');
      if (!img) return null;
      img.loading = 'eager';
      return img.complete && img.naturalWidth > 0 ? { src: img.src, width: img.naturalWidth } : null;
    },
    undefined,
    { what: 'the kept image shown' },
  );

/** The text of the highlights drawn in the reader, once there is any. */
export const highlightedText = (reader) =>
  waitFor(
    reader,
    () => [...document.querySelectorAll('mark[data-lectern="highlight"]')].map((m) => m.textContent).join(''),
    undefined,
    { what: 'the highlight attached' },
  );
