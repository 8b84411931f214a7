// Issue #6, end to end in Chromium and Firefox: pages that are not ordinary articles. Each gets the reader or a clear
// message (never a blank or broken view), and no console of the page, reader, popup or background shows an error.
import assert from 'node:assert/strict';
import { deepArticle, hugeArticle, startOfArticle } from './bad-input.mjs';
import { watchErrors } from './errors.mjs';
import { activeTabId, openLoadingTab, tabLoaded, waitFor, openPopup } from './extension.mjs';
import { startServer } from './server.mjs';
import { until } from './wait.mjs';
import { after, afterEach, before, closeAll, it } from './deadlines.mjs';
import { ARTIFACTS } from './paths.mjs';

export const BAD_ROUTES = {
  '/bad/huge': () => ({ body: hugeArticle(10) }),
  '/bad/deep': () => ({ body: deepArticle(5000) }),
  '/bad/loading': () => ({ body: startOfArticle(), hold: true }),
};

const NO_ARTICLE = /^No article on this page/;

/** The browsers' HTML parsers say so when they flatten a tree deeper than they keep: expected for the 5,000-deep page. */
const EXPECTED = [/The document tree is too deep/];

export function badInputSuite(launch) {
  let driver;
  let server;
  let errors;

  before(async () => {
    server = await startServer({ routes: BAD_ROUTES });
    driver = await launch();
    errors = await watchErrors(driver);
  });

  after(async () => {
    await closeAll(driver, server);
  });

  afterEach(async () => {
    const found = (await errors.take()).filter((e) => !EXPECTED.some((re) => re.test(e)));
    assert.deepEqual(found, [], 'no error in the page, reader, popup or background consoles');
  });

  const openTab = (url) => openLoadingTab(driver, url);

  /** Opens the reader by command on `page` and returns it with what it shows: article text or message. */
  async function readerOn(page, { timeout = 30_000 } = {}) {
    await page.bringToFront();
    const opened = driver.nextReader({ timeout });
    await driver.fireCommand('toggle-reader');
    const reader = await opened;
    return { reader, shown: await shownIn(reader) };
  }

  function shownIn(reader) {
    return reader.evaluate(() => {
      const message = document.querySelector('[data-lectern="message"]');
      return {
        state: document.querySelector('[data-lectern="reader"]')?.dataset.state,
        title: message?.querySelector('h1')?.textContent ?? '',
        body: message?.querySelector('p')?.textContent ?? '',
        text: document.querySelector('[data-lectern="article"]')?.textContent ?? '',
        back: !!message?.querySelector('button'),
      };
    });
  }

  /** What the popup says about `tabId`: the reason the reader is off, if any. */
  async function popupReason(tabId) {
    const popup = await openPopup(driver, tabId);
    const reason = await popup.evaluate(() => ({
      text: document.querySelector('[data-lectern="reason"]')?.textContent ?? '',
      disabled: document.querySelector('[data-action="open-reader"]').disabled,
    }));
    await popup.close();
    return reason;
  }

  async function expectNoArticle(path, name) {
    const { page, tabId } = await openTab(`${server.base}${path}`);
    await until(async () => (await popupReason(tabId)).text !== '', { what: 'popup reason', timeout: 15_000 });
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'message');
    assert.match(shown.title, NO_ARTICLE);
    assert.ok(shown.body.length > 20 && shown.back, 'says why, with a way back');
    if (name) await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-bad-${name}.png` });
    await reader.close();
    assert.deepEqual(await popupReason(tabId), { text: 'This page doesn’t look like an article.', disabled: true });
    await page.close();
  }

  it('an empty page: "no article", in the reader and the popup', () => expectNoArticle('/bad/empty.html', 'empty'));
  it('a page of images only: "no article"', () => expectNoArticle('/bad/images-only.html'));
  it('a frameset page: "no article"', () => expectNoArticle('/bad/frameset.html'));
  it('an SVG document (image/svg+xml): "no article"', () => expectNoArticle('/bad/drawing.svg'));
  it('an XML document: "no article"', () => expectNoArticle('/bad/feed.xml'));

  it('a page that failed to load (the browser’s error page): "didn’t load", never "closed"', async () => {
    // A port nothing listens on: both browsers show their own error page at the address.
    const { createServer } = await import('node:net');
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/article`;
    const { page, tabId } = await openTab(url);
    await tabLoaded(driver, tabId, 'the error page shown', 30_000);
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'message');
    assert.equal(shown.title, 'This page didn’t load');
    assert.doesNotMatch(shown.body, /closed/);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-bad-load-failed.png` });
    await reader.close();
    assert.match((await popupReason(tabId)).text, /couldn’t load this page/);
    await page.close();
  });

  it('a text/plain document: read as an article', async () => {
    const { page } = await openTab(`${server.base}/bad/notes.txt`);
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'article');
    assert.match(shown.text, /The lighthouse keepers of the northern cape/);
    assert.match(shown.text, /match the later scale surprisingly well/);
    await reader.close();
    await page.close();
  });

  it('a PDF: the reader and the popup say it is a PDF', async () => {
    const { page, tabId } = await openTab(`${server.base}/bad/log.pdf`);
    // Chromium's viewer runs the page script (it reports the PDF type), Firefox's doesn't (the address tells).
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'message');
    assert.equal(shown.title, 'This is a PDF document');
    assert.match(shown.body, /PDF files open in the browser’s own viewer/);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-bad-pdf.png` });
    await reader.close();
    assert.deepEqual(await popupReason(tabId), {
      text: 'Lectern reads web pages. PDF files open in the browser’s own viewer, which extensions can’t read.',
      disabled: true,
    });
    await page.close();
  });

  it('a 10 MB article: read in full', async () => {
    const { page } = await openTab(`${server.base}/bad/huge`);
    await until(() => page.evaluate(() => document.readyState === 'complete'), { what: 'page', timeout: 60_000 });
    const { reader, shown } = await readerOn(page, { timeout: 120_000 });
    assert.equal(shown.state, 'article');
    assert.ok(shown.text.length > 9_000_000, `${shown.text.length} characters`);
    assert.match(shown.text.slice(0, 200), /Entry 1\. The keepers wrote down/);
    assert.match(shown.text.slice(-200), /The last entry of the complete log\./);
    await reader.close();
    await page.close();
  });

  it('markup nested 5,000 deep: read as an article', async () => {
    const { page } = await openTab(`${server.base}/bad/deep`);
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'article');
    assert.match(shown.text, /Deep paragraph 1\./);
    assert.match(shown.text, /Bottom of the well\./);
    await reader.close();
    await page.close();
  });

  it('a page still loading: the reader says so, then reads it once it has loaded', async () => {
    const { page, tabId } = await openTab(`${server.base}/bad/loading`);
    await waitFor(page, () => document.querySelectorAll('p').length >= 8, undefined, { what: 'the start of the page' });
    const { reader, shown } = await readerOn(page);
    assert.equal(shown.state, 'message');
    assert.equal(shown.title, 'This page is still loading');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-bad-loading.png` });
    assert.deepEqual(await popupReason(tabId), { text: 'This page is still loading', disabled: true });
    server.release();
    const text = await waitFor(
      reader,
      () => document.querySelector('[data-lectern="article"]')?.textContent,
      undefined,
      {
        what: 'the article once loaded',
        timeout: 30_000,
      },
    );
    assert.match(text, /Early paragraph 8\./);
    await reader.close();
    await page.close();
  });

  it('a browser page: the popup and the reader say extensions can’t read it', async () => {
    const internal = driver.name === 'chromium' ? 'chrome://settings/' : 'about:preferences';
    let page = null;
    if (driver.name === 'chromium') {
      page = await driver.newTab();
      await page.goto(internal);
    } else {
      // Extensions can't open Firefox's own pages: the browser's scope does, as a person would from the menu.
      await driver.chromeEval(
        `gBrowser.selectedTab = gBrowser.addTab('about:preferences', { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
      );
    }
    // Extensions don't see the address of browser pages: the tab is the active one.
    if (page) await page.bringToFront();
    const tabId = await until(
      async () => {
        const [id] = await activeTabId(driver);
        const tab = await driver.ext((i) => (globalThis.browser ?? globalThis.chrome).tabs.get(i), id);
        return !/^https?:|^moz-extension:|^chrome-extension:/.test(tab.url ?? '') && tab.status === 'complete' && id;
      },
      { what: internal },
    );
    assert.deepEqual(await popupReason(tabId), {
      text: 'Browsers don’t let extensions read their own pages.',
      disabled: true,
    });
    // The key still answers: the reader opens next to it and says why.
    await driver.ext((id) => (globalThis.browser ?? globalThis.chrome).tabs.update(id, { active: true }), tabId);
    const opened = driver.nextReader({ timeout: 30_000 });
    await driver.fireCommand('toggle-reader');
    const reader = await opened;
    const shown = await shownIn(reader);
    assert.equal(shown.state, 'message');
    assert.equal(shown.title, 'Lectern can’t reach this page');
    assert.equal(shown.body, 'Browsers don’t let extensions read their own pages.');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-bad-browser-page.png` });
    await reader.close();
    await driver.ext((id) => (globalThis.browser ?? globalThis.chrome).tabs.remove(id), tabId);
    await page?.close().catch(() => undefined);
  });
}
