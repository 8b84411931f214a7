// The end-to-end scenarios of issue #2, run the same way in Chromium and Firefox.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  activeTabId,
  badgeOf,
  luminance,
  openArticleTab,
  openLoadingTab,
  openReaderByCommand,
  readerLook,
  selectText,
  tabIdOf,
  toggleShortcut,
  waitClosed,
  waitFor,
  waitForFontSize,
  waitForToast,
  openPopup,
} from './extension.mjs';
import { startServer } from './server.mjs';
import { until } from './wait.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { ARTIFACTS } from './paths.mjs';

const SEED = readFileSync(new URL('../../fixtures/seed-article.html', import.meta.url), 'utf8');

const JUNK = [
  'Liked the story',
  'Follow us on Youtube',
  'The most important world news',
  'Leaders meet in Geneva',
  'WHAT ARE YOU LOOKING FOR',
  'Views: 38',
];

export function readerSuite(launch) {
  let driver;
  let server;
  let seedUrl;
  let seed; // { page, tabId }

  before(async () => {
    server = await startServer({
      routes: {
        // The seed article with an image whose response never ends: the page's load never completes.
        '/articles/slow-image': () => ({
          body: SEED.replace('</body>', '<img src="/never-ending.png" alt=""></body>'),
        }),
        '/never-ending.png': () => ({ headers: { 'content-type': 'image/png' }, body: '', hold: true }),
      },
    });
    driver = await launch();
    seedUrl = `${server.base}/articles/seed-article`;
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('binds toggle-reader to a key the browser really binds', async () => {
    assert.equal(await toggleShortcut(driver), 'Alt+R');
  });

  it('detects the article: badge and tooltip with the shortcut', async () => {
    seed = await openArticleTab(driver, seedUrl, '✓');
    const badge = await badgeOf(driver, seed.tabId);
    assert.equal(badge.text, '✓');
    assert.match(badge.title, /Article detected.*Alt\+R/);
  });

  it('opens the reader by command: the article in, the page’s junk out, nothing of the page runs', async () => {
    await seed.page.evaluate(() => window.scrollTo(0, 700));
    const reader = await openReaderByCommand(driver, seed.page);
    const view = await reader.evaluate(() => ({
      title: document.querySelector('[data-lectern="title"]')?.textContent,
      meta: document.querySelector('.article-meta')?.textContent,
      text: (document.querySelector('[data-lectern="article"]')?.textContent ?? '').replace(/\s+/g, ' '),
      image: document.querySelector('[data-lectern="article"] img')?.naturalWidth ?? 0,
      pageScriptRan: 'seedScriptRan' in window,
      actions: [...document.querySelectorAll('[data-action]')].map((b) => b.dataset.action),
    }));
    assert.equal(view.title, 'CNN: CIA conducts first known US drone strike inside Venezuela');
    assert.match(view.meta, /Tamilla Hasanova/);
    assert.match(view.meta, /Caliber\.az/);
    assert.match(view.meta, /30 December 2025|December 30, 2025/);
    assert.match(view.meta, /3 min read/);
    assert.match(view.text, /The CIA carried out a drone strike/);
    assert.match(view.text, /we hunted al Qaeda/);
    for (const junk of JUNK) assert.ok(!view.text.includes(junk), `junk in reader: ${junk}`);
    await waitFor(reader, () => document.querySelector('[data-lectern="article"] img')?.naturalWidth > 0, undefined, {
      what: 'article image',
    });
    assert.equal(view.pageScriptRan, false);
    for (const action of ['font-larger', 'font-smaller', 'night', 'print', 'copy-link', 'share', 'close']) {
      assert.ok(view.actions.includes(action), `toolbar has ${action}`);
    }
    await reader.bringToFront();
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-reader-light.png` });

    // A+ makes the text larger; "-" and "0" take it back.
    const start = (await readerLook(reader)).fontSize;
    await reader.click('[data-action="font-larger"]');
    await waitForFontSize(reader, '>', start);
    await reader.keyboard.press('-');
    await reader.keyboard.press('-');
    await waitForFontSize(reader, '<', start);
    await reader.keyboard.press('0');
    await waitForFontSize(reader, '=', start);

    // n switches to dark colours, and back.
    const light = await readerLook(reader);
    assert.ok(luminance(light.htmlBackground) > 0.8, `light background ${light.htmlBackground}`);
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme === 'dark', undefined, { what: 'night mode' });
    const night = await readerLook(reader);
    assert.ok(luminance(night.htmlBackground) < 0.05, `dark background ${night.htmlBackground}`);
    assert.ok(luminance(night.color) > 0.5, `light text ${night.color}`);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-reader-night.png` });
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme === 'light', undefined, { what: 'day mode' });

    // ? lists the keys (with the browser's binding of the toggle); Esc closes the list first.
    await reader.keyboard.press('?');
    const help = await waitFor(
      reader,
      () => document.querySelector('[data-lectern="key-help"]')?.textContent,
      undefined,
      { what: 'key list' },
    );
    assert.match(help, /Alt\+R/);
    assert.match(help, /Night mode/);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-reader-keys.png` });
    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="key-help"]'), undefined, {
      what: 'key list to close',
    });

    // c copies the link, with a visible confirmation.
    await reader.keyboard.press('c');
    const toast = await waitForToast(reader);
    assert.equal(toast, 'Link copied');
    assert.equal(await driver.readClipboard(reader), 'http://127.0.0.1/world/cia-drone-strike-venezuela');

    // Esc closes the reader: back on the page's tab, at the same scroll position.
    // The tab may close between keydown and keyup: the press's own error on a closed page is expected.
    await reader.keyboard.press('Escape').catch((error) => {
      if (!/closed|no such frame|detached/i.test(String(error))) throw error;
    });
    await waitClosed(reader);
    assert.deepEqual(await activeTabId(driver), [seed.tabId]);
    assert.equal(await seed.page.evaluate(() => Math.round(window.scrollY)), 700);
  });

  it('toggle-reader closes the reader it opened', async () => {
    const reader = await openReaderByCommand(driver, seed.page);
    await reader.bringToFront();
    await driver.fireCommand('toggle-reader');
    await waitClosed(reader);
    assert.deepEqual(await activeTabId(driver), [seed.tabId]);
  });

  it('toggle-reader pressed again while the reader is still loading closes it: never a reader of the reader', async () => {
    const readers = () =>
      driver.ext(async (page) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.tabs.query({}))
          .filter((tab) => (tab.url || tab.pendingUrl || '').startsWith(page))
          .map((tab) => ({ id: tab.id, active: tab.active }));
      }, driver.extensionUrl('reader.html'));
    await seed.page.bringToFront();
    await driver.fireCommand('toggle-reader');
    // The second press comes as soon as the reader's tab is there, before its page has loaded.
    await until(async () => (await readers()).some((tab) => tab.active), { what: 'the reader tab, active' });
    await driver.fireCommand('toggle-reader');
    await until(async () => (await readers()).length === 0, { what: 'no reader tab left' });
    assert.deepEqual(await activeTabId(driver), [seed.tabId]);
  });

  it('keeps font size and night mode in storage and applies them live to an open reader', async () => {
    const reader = await openReaderByCommand(driver, seed.page);
    const before = await readerLook(reader);
    const popup = await openPopup(driver, seed.tabId);
    await waitFor(popup, () => !!document.querySelector('[data-action="font-larger"]'), undefined, { what: 'popup' });
    await popup.click('[data-action="font-larger"]');
    await popup.click('[data-action="night"]');
    await waitFor(
      reader,
      (s) =>
        parseFloat(getComputedStyle(document.querySelector('[data-lectern="article"]')).fontSize) > s &&
        document.documentElement.dataset.theme === 'dark',
      before.fontSize,
      { what: 'live settings' },
    );
    const stored = await driver.ext(
      async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings,
    );
    assert.equal(stored.fontSize, before.fontSize + 2);
    assert.equal(stored.theme, 'dark');
    // A reader opened later starts with the stored settings.
    await reader.close();
    const again = await openReaderByCommand(driver, seed.page);
    assert.equal((await readerLook(again)).fontSize, before.fontSize + 2);
    assert.equal(await again.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await popup.bringToFront();
    await popup.click('[data-action="font-smaller"]');
    await popup.click('[data-action="night"]');
    await waitFor(
      again,
      (s) =>
        parseFloat(getComputedStyle(document.querySelector('[data-lectern="article"]')).fontSize) === s &&
        document.documentElement.dataset.theme === 'light',
      before.fontSize,
      { what: 'settings back' },
    );
    await popup.close();
    await again.close();
  });

  it('popup: page title, copy link with confirmation, share URLs', async () => {
    const popup = await openPopup(driver, seed.tabId);
    // The page and the settings (which share buttons) arrive separately: wait for both.
    await waitFor(
      popup,
      () =>
        !!document.querySelector('[data-lectern="page-title"]')?.textContent &&
        !!document.querySelector('[data-share]'),
      undefined,
      { what: 'popup page and share buttons' },
    );
    const view = await popup.evaluate(() => ({
      title: document.querySelector('[data-lectern="page-title"]').textContent,
      openDisabled: document.querySelector('[data-action="open-reader"]').disabled,
      shares: Object.fromEntries(
        [...document.querySelectorAll('[data-share]')].map((a) => [a.dataset.share, a.getAttribute('href')]),
      ),
    }));
    // The clean title, as the reader shows it: the page's "| Caliber.az" is its site's name.
    assert.equal(view.title, 'CNN: CIA conducts first known US drone strike inside Venezuela');
    assert.equal(view.openDisabled, false);
    const enc = encodeURIComponent;
    const title = view.title;
    // Shares carry the clean link: the page declares its canonical address.
    const shared = 'http://127.0.0.1/world/cia-drone-strike-venezuela';
    assert.equal(view.shares.x, `https://x.com/intent/post?text=${enc(title)}&url=${enc(shared)}`);
    assert.equal(view.shares.facebook, `https://www.facebook.com/sharer/sharer.php?u=${enc(shared)}`);
    assert.equal(view.shares.telegram, `https://t.me/share/url?url=${enc(shared)}&text=${enc(title)}`);
    assert.equal(view.shares.whatsapp, `https://wa.me/?text=${enc(`${title} ${shared}`)}`);
    assert.equal(view.shares.email, `mailto:?subject=${enc(title)}&body=${enc(shared)}`);

    await popup.bringToFront();
    await popup.click('[data-action="copy-link"]');
    const toast = await waitForToast(popup);
    assert.equal(toast, 'Link copied');
    await popup.screenshot({ path: `${ARTIFACTS}/${driver.name}-popup.png` });
    // "Copy link" gives the clean address: the page's canonical one (the same site).
    assert.equal(await driver.readClipboard(popup), shared);
    await popup.close();
  });

  it('popup: print prints the clean reader version', async () => {
    const popup = await openPopup(driver, seed.tabId);
    await waitFor(popup, () => !document.querySelector('[data-action="print"]')?.disabled, undefined, {
      what: 'print button',
    });
    const readerOpened = driver.nextReader();
    await popup.click('[data-action="print"]');
    const reader = await readerOpened;
    assert.match(await reader.evaluate(() => location.search), /print=1/);
    if (driver.name === 'chromium') {
      await waitFor(reader, () => document.documentElement.dataset.testPrinted === '1', undefined, {
        what: 'window.print()',
      });
    }
    const pdf = await reader.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${ARTIFACTS}/${driver.name}-print.pdf`, pdf);
    const text = execFileSync('pdftotext', [`${ARTIFACTS}/${driver.name}-print.pdf`, '-'], { encoding: 'utf8' })
      .normalize('NFKC')
      .replace(/\s+/g, ' ');
    assert.match(text, /CIA conducts first known US drone/);
    assert.match(text, /The CIA carried out a drone strike/);
    assert.ok(text.replace(/\s/g, '').includes(seedUrl), 'the original address is printed');
    assert.ok(!/A\+|A−|Liked the story/.test(text), 'no toolbar or page junk in print');
    await reader.close();
  });

  it('a page that is not an article: no badge, a clear message in the reader, popup says why', async () => {
    const url = `${server.base}/articles/not-article`;
    const { page, tabId } = await openArticleTab(driver, url, '');
    assert.match((await badgeOf(driver, tabId)).title, /no article/);
    const reader = await openReaderByCommand(driver, page);
    const message = await waitFor(
      reader,
      () => document.querySelector('[data-lectern="message"]')?.textContent,
      undefined,
      { what: 'message' },
    );
    assert.match(message, /No article on this page/);
    assert.equal(await reader.evaluate(() => document.querySelector('[data-lectern="reader"]') !== null), true);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-reader-no-article.png` });
    await reader.close();

    // With a selection, the reader opens on the selected text instead.
    await selectText(page, 'ul');
    const onSelection = await openReaderByCommand(driver, page);
    const selected = await waitFor(
      onSelection,
      () => document.querySelector('[data-lectern="article"]')?.textContent,
      undefined,
      { what: 'selection in reader' },
    );
    assert.match(selected, /Forgot password\?/);
    assert.match(selected, /Create an account/);
    assert.ok(!selected.includes('Sign in'), 'only the selection');
    await onSelection.close();

    const popup = await openPopup(driver, tabId);
    const reason = await waitFor(
      popup,
      () => document.querySelector('[data-lectern="reason"]')?.textContent,
      undefined,
      { what: 'reason' },
    );
    assert.match(reason, /doesn’t look like an article/);
    assert.equal(await popup.evaluate(() => document.querySelector('[data-action="open-reader"]').disabled), true);
    await popup.close();
    await page.close();
  });

  it('popup on a browser page: the reader is off, with the reason', async () => {
    // chrome://version in Chromium; Firefox's about: pages never finish loading for the test driver, so about:blank.
    const page = await driver.newPage(driver.name === 'chromium' ? 'chrome://version' : undefined);
    await page.bringToFront();
    const tabId = await until(
      () =>
        driver.ext(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          return (await api.tabs.query({ active: true }))[0]?.id;
        }),
      { what: 'browser page tab' },
    );
    const popup = await openPopup(driver, tabId);
    const reason = await waitFor(
      popup,
      () => document.querySelector('[data-lectern="reason"]')?.textContent,
      undefined,
      { what: 'reason' },
    );
    assert.match(reason, /Browsers don’t let extensions read their own pages/);
    assert.equal(await popup.evaluate(() => document.querySelector('[data-action="open-reader"]').disabled), true);
    assert.equal(await popup.evaluate(() => document.querySelector('[data-action="print"]').disabled), true);
    await popup.close();
    await page.close();
  });

  it('detects an article whose page never finishes loading (an image that never arrives)', async () => {
    const url = `${server.base}/articles/slow-image`;
    const { page, tabId } = await openLoadingTab(driver, url);
    await until(async () => (await badgeOf(driver, tabId)).text === '✓', { what: 'badge', timeout: 15_000 });
    // Premise: the browser still counts the page as loading, so no "page loaded" event ever came.
    const status = await driver.ext(
      async (id) => (await (globalThis.browser ?? globalThis.chrome).tabs.get(id)).status,
      tabId,
    );
    assert.equal(status, 'loading');
    await page.close();
  });

  it('re-detects after in-page navigation on a single-page site', async () => {
    const url = `${server.base}/spa.html`;
    const page = await driver.newPage(url);
    const tabId = await tabIdOf(driver, url);
    await until(async () => (await badgeOf(driver, tabId)).text === '✓', {
      what: 'badge after pushState',
      timeout: 8000,
    });
    assert.match(await page.evaluate(() => location.pathname), /story-of-the-harbour/);
    await page.close();
  });
}
