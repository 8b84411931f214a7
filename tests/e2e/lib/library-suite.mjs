// Issue #17 end to end, the same in Chromium and Firefox: save three articles (reader key B, the toolbar button, the
// context menu; the popup saves one again without a duplicate), the library lists them, search finds one by a word of
// its body, it opens in the reader, then with the test server gone a saved article opens offline with its image
// from the kept copy and its reading position back; delete and undo.
import assert from 'node:assert/strict';
import { openArticleTab, openPopup, savedFile, tabIdOf, waitClosed, waitFor, waitForToast } from './extension.mjs';
import {
  ARTICLES,
  listed,
  readFixture,
  waitForCount,
  highlightedText,
  openFromLibrary,
  shownImage,
} from './library.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { watchErrors } from './errors.mjs';
import { setTheme, violations } from './a11y-suite.mjs';

export function librarySuite(launch) {
  let driver;
  let server;
  let errors;

  before(async () => {
    server = await startServer();
    driver = await launch();
    errors = await watchErrors(driver);
  });

  after(async () => {
    await closeAll(driver, server);
  });

  const read = (name) => readFixture(driver, server, name);

  it('saves three articles (key B, toolbar button, context menu; the popup again), lists, searches and opens one', async () => {
    // 1. Key B in the reader; the toast confirms and offers the library.
    const one = await read('lighthouse');
    await one.reader.keyboard.press('b');
    assert.match(await waitForToast(one.reader), /Saved to library/);
    assert.equal(
      await one.reader.evaluate(
        () => document.querySelector('[data-lectern="toast"] [data-action="open-library"]')?.textContent,
      ),
      'Open library',
    );
    await waitFor(
      one.reader,
      () => document.querySelector('[data-action="save-to-library"]')?.ariaPressed === 'true',
      undefined,
      {
        what: 'save button pressed',
      },
    );
    // A highlight (selection, then L): it is kept by the article's clean address, so it comes back offline too.
    await one.reader.evaluate(() => {
      const p = [...document.querySelectorAll('[data-lectern="article"] p')].find((el) =>
        el.textContent.includes('foghorn'),
      );
      const text = p.firstChild;
      const start = text.data.indexOf('foghorn');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'foghorn was silenced'.length);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    });
    await one.reader.keyboard.press('l');
    await waitFor(one.reader, () => !!document.querySelector('mark[data-lectern="highlight"]'), undefined, {
      what: 'highlight drawn',
    });
    await one.reader.keyboard.press('Escape');
    // Read a little way down: the position is kept with the article.
    await one.reader.evaluate(() => window.scrollTo(0, Math.round(document.documentElement.scrollHeight * 0.3)));
    // The library keeps how far the article has been read (written while reading, not only at close).
    await waitFor(
      one.reader,
      () =>
        new Promise((resolve) => {
          const open = globalThis.indexedDB.open('lectern-library');
          open.onsuccess = () => {
            const get = open.result.transaction('entries').objectStore('entries').getAll();
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result.some((e) => e.progress > 0.1 && e.state === 'reading'));
            };
          };
          open.onerror = () => resolve(false);
        }),
      undefined,
      { what: 'progress kept in the library' },
    );
    await one.reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-saved.png` });
    await one.reader.keyboard.press('Escape').catch(() => undefined);
    await waitClosed(one.reader);

    // 2. The toolbar button.
    const two = await read('salt');
    await two.reader.click('[data-action="save-to-library"]');
    assert.match(await waitForToast(two.reader), /Saved to library/);
    await two.reader.keyboard.press('Escape').catch(() => undefined);
    await waitClosed(two.reader);

    // 3. The context menu on the page: the reader opens and saves it.
    const url3 = `${server.base}/articles/library-bees`;
    const { tabId: bees } = await openArticleTab(driver, url3, '✓');
    const third = driver.nextReader();
    await driver.fireMenu('lectern-save-to-library', bees);
    const reader3 = await third;
    assert.match(await waitForToast(reader3), /Saved to library/);
    await reader3.close();

    // The popup saves the first one again: updated, not duplicated.
    const lighthouseTab = await tabIdOf(driver, `${server.base}/articles/library-lighthouse`);
    const popup = await openPopup(driver, lighthouseTab);
    const again = driver.nextReader();
    await popup.click('[data-action="save-to-library"]');
    const reader4 = await again;
    assert.match(await waitForToast(reader4), /Saved to library/);
    // The reader's book button opens the library in a tab of its own.
    await reader4.click('[data-action="library"]');
    const libraryTab = await tabIdOf(driver, driver.extensionUrl('library.html'));
    await driver.ext((id) => (globalThis.browser ?? globalThis.chrome).tabs.remove(id), libraryTab);
    await reader4.close();

    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    assert.deepEqual((await listed(library)).sort(), Object.values(ARTICLES).sort());
    const meta = await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"]')].map(
        (li) => li.querySelector('.library-meta').textContent,
      ),
    );
    assert.ok(
      meta.some((m) => /Harbour Notes/.test(m) && /min read/.test(m)),
      meta.join(' | '),
    );
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-list.png` });

    // Full-text search, as you type: a word only the salt article's body has.
    await library.click('[data-lectern="library-search"]');
    await library.keyboard.type('evaporat');
    await waitFor(library, () => document.querySelectorAll('[data-lectern="library-item"]').length === 1, undefined, {
      what: 'one search result',
    });
    assert.deepEqual(await listed(library), [ARTICLES.salt]);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-search.png` });

    // It opens in the reader when its title is clicked.
    const opened = driver.nextReader();
    await library.click('[data-lectern="library-item"] .library-title');
    const reader = await opened;
    await waitFor(
      reader,
      () => /evaporation ponds/.test(document.querySelector('[data-lectern="article"]')?.textContent ?? ''),
      undefined,
      {
        what: 'the saved article',
      },
    );
    await reader.close();
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('a link saved from the context menu is queued unread, and read and saved when first opened', async () => {
    const tabId = await tabIdOf(driver, `${server.base}/articles/library-lighthouse`);
    // The link's page declares another canonical address: the article read from it replaces the queued entry.
    const link = `${server.base}/articles/highlights-article?utm_source=newsletter`;
    await driver.fireMenu('lectern-save-link', tabId, { linkUrl: link, linkText: 'An orchard' });
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 4);
    const queued = await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"]')]
        .map((li) => li.textContent)
        .find((text) => /Not read yet/.test(text)),
    );
    assert.ok(queued, 'the queued link is listed as not read yet');
    const opened = driver.nextReader({ timeout: 20_000 });
    await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"]')]
        .find((li) => /Not read yet/.test(li.textContent))
        .querySelector('.library-title')
        .click(),
    );
    const reader = await opened;
    assert.match(await waitForToast(reader), /Saved to library/);
    await reader.close();
    await library.bringToFront();
    await waitFor(
      library,
      () => {
        const items = [...document.querySelectorAll('[data-lectern="library-item"]')];
        return (
          items.length === 4 &&
          !items.some((li) => /Not read yet/.test(li.textContent)) &&
          items.some((li) => li.querySelector('.library-title').textContent === 'The orchard that outlived its village')
        );
      },
      undefined,
      { what: 'the queued entry replaced by the article' },
    );
    // Out again, so the next test finds the three.
    await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"]')]
        .find((li) => li.querySelector('.library-title').textContent === 'The orchard that outlived its village')
        .querySelector('[data-action="delete"]')
        .click(),
    );
    await waitForCount(library, 3);
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('saving a page that is no article says it was not saved, and the library stays as it was', async () => {
    const url = `${server.base}/articles/pages/section-front`;
    await driver.newPage(url);
    const tabId = await tabIdOf(driver, url);
    const opened = driver.nextReader();
    await driver.fireMenu('lectern-save-to-library', tabId);
    const reader = await opened;
    assert.match(await waitForToast(reader), /Not saved to the library: this page has no article/);
    assert.equal(
      await reader.evaluate(() => document.querySelector('[data-lectern="reader"]').dataset.state),
      'not-article',
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-not-article.png` });
    await reader.close();
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    assert.ok(!(await listed(library)).some((title) => /Valley Courier|News/.test(title)));
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('opens a saved article offline, its image from the kept copy and its position restored; delete and undo', async () => {
    // No network: the test server is gone, so nothing of the article can come from its site.
    await server.close();
    // The reader's own positions (kept 30 days) forgotten: the one kept with the saved article brings the reader back.
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('readingPositions'));
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    const reader = await openFromLibrary(driver, library, ARTICLES.lighthouse);
    const image = await shownImage(reader);
    assert.match(image.src, /^blob:/);
    assert.equal(image.width, 800);
    const highlighted = await highlightedText(reader);
    assert.equal(highlighted, 'foghorn was silenced');
    // Back where the reading stopped.
    await waitFor(reader, () => window.scrollY > 100, undefined, { what: 'position restored' });
    await reader.evaluate(() =>
      document.querySelector('[data-lectern="article"] img').scrollIntoView({ block: 'center' }),
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-offline.png` });
    // A file saved from it points at the image's own address, not at the reader's kept copy (a blob: address means
    // nothing outside this reader).
    for (const key of ['m', 'h']) {
      const file = await savedFile(driver, reader, () => reader.keyboard.press(key), `saved with ${key}`);
      assert.ok(file.text.includes('/images/dock.png'), `${key}: the image's own address`);
      assert.ok(!file.text.includes('blob:'), `${key}: no blob: address`);
    }
    await reader.close();

    // Delete asks nothing and offers undo.
    await library.bringToFront();
    await library.evaluate(
      (title) =>
        [...document.querySelectorAll('[data-lectern="library-item"]')]
          .find((li) => li.querySelector('.library-title').textContent === title)
          .querySelector('[data-action="delete"]')
          .click(),
      ARTICLES.bees,
    );
    await waitForCount(library, 2);
    await library.click('[data-lectern="toast"] [data-action="undo"]');
    await waitForCount(library, 3);
    assert.deepEqual(await errors.take(), []);
  });

  it('the library page: no axe violations in any theme; tags; the keyboard alone opens an article', async () => {
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    // A tag, and the tag form open, so their controls are checked too.
    await library.click('[data-lectern="library-item"] [data-action="tags"]');
    await library.keyboard.type('coast, history');
    await library.keyboard.press('Enter');
    await waitFor(library, () => document.querySelectorAll('.library-tags .tag').length === 2, undefined, {
      what: 'two tags shown',
    });
    await library.click('[data-lectern="library-item"] [data-action="tags"]');
    for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
      await setTheme(driver, theme);
      await waitFor(library, (theme) => document.documentElement.dataset.theme === theme, theme, { what: theme });
      assert.deepEqual(await violations(library, { aaa: theme === 'contrast' }), [], `library, ${theme}`);
      await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-${theme}.png` });
    }
    await setTheme(driver, 'light');
    await library.keyboard.press('Escape');

    // The keyboard alone: the first title takes the focus, Enter opens it.
    const opened = driver.nextReader();
    await library.focus('[data-lectern="library-item"] .library-title');
    await library.keyboard.press('Enter');
    const reader = await opened;
    await reader.close();
    assert.deepEqual(await errors.take(), []);
  });
}
