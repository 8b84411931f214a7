// Issue #6, end to end and the same in Chromium and Firefox: pages that fight the reader (hostile CSS, hostile
// scripts, a strict Content-Security-Policy) and what the reader sends over the network (nothing of its own).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { watchErrors } from './errors.mjs';
import {
  activeTabId,
  badgeOf,
  luminance,
  openArticleTab,
  openReaderByCommand,
  readClipboardItems,
  readerLook,
  waitClosed,
  waitFor,
  waitForFontSize,
  openPopup,
} from './extension.mjs';
import { contrastRatio, inkStats } from './pixels.mjs';
import { startServer } from './server.mjs';
import { until } from './wait.mjs';
import { after, afterEach, before, closeAll, it } from './deadlines.mjs';
import { ARTIFACTS } from './paths.mjs';

/** Presses a key that may close the page it is pressed in (the press's own error on a closed page is expected). */
async function pressClosing(page, key) {
  await page.keyboard.press(key).catch((error) => {
    if (!/closed|no such frame|detached/i.test(String(error))) throw error;
  });
}

/** Screenshot of `page` in front, saved under test-artifacts, with what it shows. */
async function look(driver, page, name) {
  await page.bringToFront();
  const png = await page.screenshot();
  writeFileSync(`${ARTIFACTS}/${driver.name}-${name}.png`, png);
  return inkStats(png);
}

/** The reader is drawn and readable: text in contrast on a plain background, styles its own. */
async function assertReadable(driver, reader, name) {
  const shot = await look(driver, reader, name);
  assert.ok(shot.inkShare > 0.02, `${name}: text is drawn (${(shot.inkShare * 100).toFixed(1)}% ink)`);
  assert.ok(shot.contrast >= 7, `${name}: text contrast on screen ${shot.contrast.toFixed(1)}:1`);
  const style = await reader.evaluate(() => {
    const article = document.querySelector('[data-lectern="article"]');
    const s = getComputedStyle(article);
    const box = article.getBoundingClientRect();
    return {
      filters: [document.documentElement, document.body, article].map((el) => getComputedStyle(el).filter),
      display: s.display,
      visibility: s.visibility,
      opacity: s.opacity,
      fontFamily: s.fontFamily,
      width: box.width,
      toolbar: getComputedStyle(document.querySelector('[data-action="font-larger"]')).display,
    };
  });
  assert.deepEqual(style.filters, ['none', 'none', 'none']);
  assert.equal(style.display, 'block');
  assert.equal(style.visibility, 'visible');
  assert.equal(style.opacity, '1');
  assert.ok(style.width > 300, `article column ${style.width}px wide`);
  assert.doesNotMatch(style.fontFamily, /^(serif|"?Times)/i, 'the reader’s own font stack');
  assert.notEqual(style.toolbar, 'none');
  const colours = await readerLook(reader);
  assert.ok(
    contrastRatio(luminance(colours.color), luminance(colours.htmlBackground)) >= 7,
    `text ${colours.color} on ${colours.htmlBackground}`,
  );
  assert.ok(colours.fontSize >= 16, `body text ${colours.fontSize}px`);
}

/** A real mouse click on A+ (nothing lies over it) makes the text larger; `0` takes it back. */
async function assertClickable(reader) {
  const start = (await readerLook(reader)).fontSize;
  const target = await reader.evaluate(() => {
    const button = document.querySelector('[data-action="font-larger"]');
    const r = button.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    return { x, y, onTop: document.elementFromPoint(x, y)?.closest('[data-action]') === button };
  });
  assert.ok(target.onTop, 'A+ is the element under the pointer');
  await reader.mouse.click(target.x, target.y);
  await waitForFontSize(reader, '>', start);
  await reader.keyboard.press('0');
  await waitForFontSize(reader, '=', start);
}

/** Copies the page's link by command; the page's confirmation keeps its own display and sits in the top layer. */
async function assertToastOnTop(driver, page) {
  await page.bringToFront();
  await driver.fireCommand('copy-link');
  const toast = await waitFor(
    page,
    () => {
      const host = document.getElementsByTagName('lectern-toast')[0];
      return host && { display: getComputedStyle(host).display, top: host.matches(':popover-open') };
    },
    undefined,
    { what: 'page toast' },
  );
  assert.deepEqual(toast, { display: 'block', top: true });
}

export function hostileSuite(launch) {
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

  afterEach(async () => {
    assert.deepEqual(await errors.take(), [], 'no error in the page, reader, popup or background consoles');
  });

  it('hostile CSS: the page shows nothing, the reader is visible, readable and clickable', async () => {
    const url = `${server.base}/hostile/hostile-css.html`;
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    // The style sheet is live: hidden, inverted, blurred and covered, the page itself shows nothing.
    const pageShot = await look(driver, page, 'hostile-css-page');
    assert.ok(pageShot.inkShare < 0.001, `the hostile page is blank (${(pageShot.inkShare * 100).toFixed(2)}% ink)`);

    const reader = await openReaderByCommand(driver, page);
    const text = await reader.evaluate(() => document.querySelector('[data-lectern="article"]').textContent);
    assert.match(text, /Hostile style sheet ends here/);
    await assertReadable(driver, reader, 'hostile-css-reader');
    await assertClickable(reader);
    await reader.close();

    // The confirmation of a copy on that page: its host element keeps its own display and sits in the top layer.
    await assertToastOnTop(driver, page);
    assert.equal((await badgeOf(driver, tabId)).text, '✓', 'the toast stayed, no fallback on the button');
    await page.close();
  });

  it('hostile scripts: detection works, the reader opens, stays, and its keys work; copy still confirms', async () => {
    const url = `${server.base}/hostile/hostile-scripts.html`;
    // Detection runs in the content script's own world: the page's fake built-ins don't reach it.
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    // The page is live: it swallows keys.
    await page.bringToFront();
    await page.keyboard.press('x');
    assert.ok(await page.evaluate(() => window.hostileKeys > 0), 'the page swallows key presses');

    const reader = await openReaderByCommand(driver, page);
    const text = () => reader.evaluate(() => document.querySelector('[data-lectern="article"]')?.textContent ?? '');
    assert.match(await text(), /Hostile scripts article ends here/);
    // It stays while the page keeps retitling and scrolling itself (its title changes five more times).
    const title = async () =>
      (await driver.ext((id) => (globalThis.browser ?? globalThis.chrome).tabs.get(id), tabId)).title;
    const tick = Number(/Tick (\d+)/.exec(await title())?.[1] ?? 0);
    await until(async () => Number(/Tick (\d+)/.exec(await title())?.[1] ?? 0) >= tick + 5, {
      what: 'the page’s timer',
      timeout: 20_000,
    });
    assert.match(await text(), /Hostile scripts article ends here/);

    // Its keys: + larger, n night and back, 0 reset.
    await reader.bringToFront();
    const start = (await readerLook(reader)).fontSize;
    await reader.keyboard.press('+');
    await waitForFontSize(reader, '>', start);
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme === 'dark', undefined, { what: 'night' });
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme === 'light', undefined, { what: 'day' });
    await reader.keyboard.press('0');
    await waitForFontSize(reader, '=', start);
    // Esc: back on the page's tab.
    await pressClosing(reader, 'Escape');
    await waitClosed(reader);
    assert.deepEqual(await activeTabId(driver), [tabId]);

    // Copy link on that page: the page takes the confirmation out at once, the button says it instead.
    await page.bringToFront();
    await driver.fireCommand('copy-link');
    await until(async () => (await badgeOf(driver, tabId)).text === 'OK', { what: 'copy confirmed on the button' });
    assert.equal((await badgeOf(driver, tabId)).title, 'Link copied');
    assert.ok(await page.evaluate(() => window.hostileRemoved.includes('LECTERN-TOAST')), 'the page removed the toast');
    const helper = await driver.openExtensionPage('popup.html');
    assert.equal((await readClipboardItems(helper)).text, url);
    await helper.close();
    await page.close();
  });

  it('strict page CSP: the reader opens styled, and the copy confirmation shows on the page', async () => {
    const url = `${server.base}/hostile/strict-csp.html`;
    const response = await globalThis.fetch(url);
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; frame-src 'none'; style-src 'none'; img-src 'none'",
    );
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    const reader = await openReaderByCommand(driver, page);
    assert.match(
      await reader.evaluate(() => document.querySelector('[data-lectern="article"]').textContent),
      /Strict policy article ends here/,
    );
    await assertReadable(driver, reader, 'strict-csp-reader');
    await assertClickable(reader);
    await reader.close();

    await assertToastOnTop(driver, page);
    const shot = await look(driver, page, 'strict-csp-toast');
    assert.ok(shot.inkShare > 0.01);
    assert.equal((await badgeOf(driver, tabId)).text, '✓');
    const helper = await driver.openExtensionPage('popup.html');
    assert.equal((await readClipboardItems(helper)).text, url);
    await helper.close();
    await page.close();
  });

  it('privacy: with the reader open, the popup used and settings changed, nothing is requested but the article’s images', async () => {
    const url = `${server.base}/articles/seed-article`;
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    const seen = [];
    const record = (request) => seen.push(request.url());
    const stopWatching = watchRequests(driver, record);
    const fromServer = server.requests.length;

    const reader = await openReaderByCommand(driver, page);
    await waitFor(reader, () => document.querySelector('[data-lectern="article"] img')?.naturalWidth > 0, undefined, {
      what: 'article image',
    });
    await reader.keyboard.press('+');
    await reader.keyboard.press('n');
    await reader.keyboard.press('n');
    await reader.keyboard.press('0');
    const popup = await openPopup(driver, tabId);
    await popup.click('[data-action="font-larger"]');
    await popup.click('[data-action="night"]');
    await popup.click('[data-action="copy-link"]');
    await popup.click('[data-action="qr"]');
    await waitFor(popup, () => !!document.querySelector('[data-lectern="qr"]'), undefined, { what: 'QR code' });
    await popup.click('[data-action="font-smaller"]');
    await popup.click('[data-action="night"]');
    const options = await driver.openExtensionPage('options.html');
    await waitFor(options, () => document.querySelectorAll('input, select').length > 0, undefined, {
      what: 'options',
    });
    const images = await reader.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="article"] img')].map((img) => img.currentSrc || img.src),
    );
    // Let requests in flight land (not an assertion): two frames in the reader.
    await reader.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    stopWatching();

    const imagePaths = new Set(images.map((src) => new URL(src).pathname));
    const serverAsked = server.requests.slice(fromServer);
    assert.deepEqual(
      serverAsked.filter((path) => !imagePaths.has(path)),
      [],
      'the test server saw nothing but the article’s images',
    );
    const ownFiles = driver.extensionUrl('');
    const elsewhere = seen.filter((u) => !u.startsWith(ownFiles) && !/^(data|blob):/.test(u) && !images.includes(u));
    assert.deepEqual(elsewhere, [], 'the browser requested nothing else');
    assert.ok(
      seen.some((u) => images.includes(u)),
      'the network was watched (the article’s images were seen)',
    );
    await options.close();
    await popup.close();
    await reader.close();
    await page.close();
  });
}

/** Every request any page of the browser makes from now on (Chromium: the whole context; Firefox: each page). */
function watchRequests(driver, onRequest) {
  if (driver.name === 'chromium') {
    driver.context.on('request', onRequest);
    return () => driver.context.off('request', onRequest);
  }
  const pages = new Set();
  const attach = (page) => {
    pages.add(page);
    page.on('request', onRequest);
  };
  void driver.browser.pages().then((all) => all.forEach(attach));
  const onTarget = async (target) => {
    const page = await target.page().catch(() => null);
    if (page) attach(page);
  };
  driver.browser.on('targetcreated', onTarget);
  return () => {
    driver.browser.off('targetcreated', onTarget);
    for (const page of pages) page.off('request', onRequest);
  };
}
