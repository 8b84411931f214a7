// The end-to-end scenarios of issue #5 (copy formats, quotes, share, QR, commands and menus), in both browsers.
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import {
  openArticleTab,
  openPopup,
  openReaderByCommand,
  readClipboardItems,
  selectText,
  tabUrls,
  waitFor,
  waitForNextToast,
  waitForToast,
} from './extension.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { until } from './wait.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';

// The page's clean title: its <title> ends in " | Caliber.az", its site's name (og:site_name), which Lectern drops.
const TITLE = 'CNN: CIA conducts first known US drone strike inside Venezuela';
const CANONICAL = 'http://127.0.0.1/world/cia-drone-strike-venezuela';
const enc = encodeURIComponent;

/** Decodes the QR code in a PNG data URL. */
function decodeQr(dataUrl) {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const SEED = fileURLToPath(new URL('../../fixtures/seed-article.html', import.meta.url));

/** The seed article served with extra headers, and with `script` (page code) before its end. */
function seedWith(headers, script = '') {
  return async () => ({
    headers,
    body: (await readFile(SEED, 'utf8')).replace('</body>', `<script>${script}</script></body>`),
  });
}

// A page that refuses the async clipboard to everything in it (Permissions Policy), and one that also swallows
// every copy event before anybody else sees it, so that nothing at all can be copied from inside it.
const NO_CLIPBOARD = { 'permissions-policy': 'clipboard-write=(), clipboard-read=()' };
const SWALLOW_COPY = `addEventListener('copy', (e) => { e.stopImmediatePropagation(); e.preventDefault(); }, true);`;

/** Puts `text` on the clipboard from an extension page, so a test can see whether a copy replaced it. */
async function setClipboard(driver, text) {
  const page = await driver.openExtensionPage('popup.html');
  await page.bringToFront();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  return page;
}

export function sharingSuite(launch) {
  let driver;
  let server;
  let url;
  let seed;

  before(async () => {
    server = await startServer({
      routes: {
        '/articles/no-clipboard': seedWith(NO_CLIPBOARD),
        '/articles/no-copy-at-all': seedWith(NO_CLIPBOARD, SWALLOW_COPY),
      },
    });
    driver = await launch();
    url = `${server.base}/articles/seed-article?id=5&utm_source=newsletter&fbclid=abc`;
    seed = await openArticleTab(driver, url, '✓');
  });

  after(async () => {
    await closeAll(driver, server);
  });

  const popupOfSeed = () => openPopup(driver, seed.tabId);

  it('binds copy-link to a key the browser really binds', async () => {
    const shortcut = await driver.ext(
      async () =>
        (await (globalThis.browser ?? globalThis.chrome).commands.getAll()).find((c) => c.name === 'copy-link')
          ?.shortcut,
    );
    assert.equal(shortcut, 'Alt+C');
  });

  it('popup copies every link format exactly', async () => {
    const popup = await popupOfSeed();
    await popup.click('[data-action="copy-formats"] summary');
    const expected = {
      'clean-link': { text: CANONICAL },
      'title-link': { text: `${TITLE}\n${CANONICAL}` },
      markdown: { text: `[${TITLE}](${CANONICAL})` },
      'rich-link': { text: `${TITLE} ${CANONICAL}`, html: `<a href="${CANONICAL}">${TITLE}</a>` },
    };
    for (const [format, want] of Object.entries(expected)) {
      await popup.bringToFront();
      await popup.click(`[data-copy="${format}"]`);
      await waitForNextToast(popup);
      const got = await readClipboardItems(popup);
      assert.equal(got.text, want.text, format);
      if (want.html) assert.match(got.html, new RegExp(want.html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), format);
    }
    await popup.close();
  });

  it('copies a selection as a quote with its source: popup, and q in the reader', async () => {
    const selected = (await selectText(seed.page, '.news-body p')).replace(/\s+/g, ' ').trim();
    const popup = await popupOfSeed();
    await popup.click('[data-action="copy-formats"] summary');
    await popup.click('[data-copy="quote"]');
    assert.equal(await waitForToast(popup), 'Quote copied with its source');
    // The page's canonical address, with a text directive to the selected passage (made in the page, #16).
    const quote = await readClipboardItems(popup);
    assert.ok(quote.text.startsWith(`“${selected}”\n— ${TITLE} — Caliber.az\n${CANONICAL}#:~:text=`), quote.text);
    assert.match(
      quote.html,
      /<blockquote cite="http:\/\/127\.0\.0\.1\/world\/cia-drone-strike-venezuela#:~:text=[^"]+">/,
    );
    await popup.click('[data-copy="quote-markdown"]');
    await waitForNextToast(popup);
    const markdown = (await readClipboardItems(popup)).text;
    assert.ok(markdown.startsWith(`> ${selected}\n\n— [${TITLE} — Caliber.az](${CANONICAL}#:~:text=`), markdown);
    await popup.close();

    const reader = await openReaderByCommand(driver, seed.page);
    await reader.bringToFront();
    await reader.keyboard.press('q');
    assert.equal(await waitForToast(reader), 'Select some text first, then copy it as a quote.');
    const inReader = (await selectText(reader, '[data-lectern="article"] p')).replace(/\s+/g, ' ').trim();
    await reader.keyboard.press('q');
    await waitFor(
      reader,
      () => document.querySelector('[data-lectern="toast"]')?.textContent === 'Quote copied with its source',
      undefined,
      {
        what: 'quote toast',
      },
    );
    const title = await reader.evaluate(() => document.querySelector('[data-lectern="title"]').textContent);
    // The reader's quote links to the passage itself on the page (#16): the canonical address with a text directive.
    const readerQuote = (await readClipboardItems(reader)).text;
    assert.ok(readerQuote.startsWith(`“${inReader}”\n— ${title} — Caliber.az\n${CANONICAL}#:~:text=`), readerQuote);
    await reader.close();
  });

  it('share: the user’s targets in order, and a click opens the share page (nothing leaves the machine)', async () => {
    const options = await driver.openExtensionPage('options.html');
    await waitFor(options, () => !!document.querySelector('[data-lectern="share-targets"]'), undefined, {
      what: 'options',
    });
    await options.click('[data-target="vk"] input[type="checkbox"]');
    await options.click('[data-target="mastodon"] input[type="checkbox"]');
    await waitFor(
      options,
      () => !document.querySelector('[data-target="mastodon"] [data-move="up"]').disabled,
      undefined,
      { what: 'mastodon shown' },
    );
    await options.click('[data-target="mastodon"] [data-move="up"]');
    await options.click('#mastodon');
    await options.evaluate(() => document.querySelector('#mastodon').select());
    await options.keyboard.type('https://Fosstodon.org/');
    const stored = await until(
      async () => {
        const s = await driver.ext(
          async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings,
        );
        return s?.mastodonInstance === 'fosstodon.org' && s;
      },
      { what: 'stored settings' },
    );
    // vk and mastodon shown (added at the end), then mastodon moved up one place.
    assert.deepEqual(stored.shareTargets, [
      'x',
      'facebook',
      'telegram',
      'whatsapp',
      'linkedin',
      'reddit',
      'email',
      'mastodon',
      'vk',
    ]);
    await options.screenshot({ path: `${ARTIFACTS}/${driver.name}-options.png`, fullPage: true });
    await options.close();

    const popup = await popupOfSeed();
    const shares = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-share]')]
        .filter((a) => a.tagName === 'A')
        .map((a) => [a.dataset.share, a.getAttribute('href')]),
    );
    assert.deepEqual(
      shares.map(([target]) => target),
      stored.shareTargets,
    );
    const href = Object.fromEntries(shares);
    const both = enc(`${TITLE} ${CANONICAL}`);
    assert.equal(href.mastodon, `https://fosstodon.org/share?text=${both}`);
    assert.equal(href.vk, `https://vk.com/share.php?url=${enc(CANONICAL)}&title=${enc(TITLE)}`);
    assert.equal(href.reddit, `https://www.reddit.com/submit?url=${enc(CANONICAL)}&title=${enc(TITLE)}`);
    assert.equal(href.linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${enc(CANONICAL)}`);

    await popup.bringToFront();
    await popup.click('[data-share="telegram"]');
    const opened = await until(async () => (await tabUrls(driver)).find((u) => u.startsWith('https://t.me/')), {
      what: 'share tab',
    });
    assert.equal(opened, `https://t.me/share/url?url=${enc(CANONICAL)}&text=${enc(TITLE)}`);
    await popup.close();
  });

  it('QR code of the clean link decodes back to it, and downloads as PNG', async () => {
    const popup = await popupOfSeed();
    await popup.click('[data-action="qr"]');
    const src = await waitFor(
      popup,
      () => document.querySelector('[data-lectern="qr"]')?.getAttribute('src'),
      undefined,
      { what: 'QR code' },
    );
    assert.equal(decodeQr(src), CANONICAL);
    const download = await popup.evaluate(() => {
      const a = document.querySelector('[data-action="qr-download"]');
      return { href: a.getAttribute('href'), name: a.getAttribute('download') };
    });
    assert.equal(download.href, src);
    assert.match(download.name, /\.png$/);
    await popup.screenshot({ path: `${ARTIFACTS}/${driver.name}-popup-qr.png` });
    await popup.close();
  });

  it('copy-link command copies the page’s clean link with a confirmation on the page; the exact one if asked', async () => {
    const copyLinkOnPage = async () => {
      await seed.page.bringToFront();
      await seed.page.evaluate(() => document.querySelector('lectern-toast')?.remove());
      await driver.fireCommand('copy-link');
      await waitFor(seed.page, () => document.querySelector('lectern-toast')?.dataset.state === 'done', undefined, {
        what: 'page toast',
      });
      const helper = await driver.openExtensionPage('popup.html');
      const { text } = await readClipboardItems(helper);
      await helper.close();
      return text;
    };
    // Tracking parameters gone, the page's canonical address (same site) preferred.
    assert.equal(await copyLinkOnPage(), CANONICAL);
    const exact = async (on) => {
      const options = await driver.openExtensionPage('options.html');
      await waitFor(options, () => !!document.querySelector('[data-setting="copy-exact"]'), undefined, {
        what: 'options',
      });
      if ((await options.evaluate(() => document.querySelector('[data-setting="copy-exact"]').checked)) !== on)
        await options.click('[data-setting="copy-exact"]');
      // Saved (coalesced) once the page goes away.
      await options.close();
      await until(
        async () =>
          (await driver.ext(async () => {
            const api = globalThis.browser ?? globalThis.chrome;
            return (await api.storage.sync.get('settings')).settings?.copyExactAddress ?? false;
          })) === on,
        { what: `copyExactAddress ${on} stored`, timeout: 15_000 },
      );
    };
    await exact(true);
    await until(async () => (await copyLinkOnPage()) === url, { what: 'the exact address copied' });
    await exact(false);
  });

  it('context menu copies as Markdown (the real menu listener)', async () => {
    await seed.page.bringToFront();
    await driver.fireMenu('lectern-copy-markdown', seed.tabId);
    await waitFor(seed.page, () => document.querySelector('lectern-toast')?.dataset.state === 'done', undefined, {
      what: 'page toast',
    });
    const helper = await driver.openExtensionPage('popup.html');
    assert.equal((await readClipboardItems(helper)).text, `[${TITLE}](${CANONICAL})`);
    await helper.close();
  });

  it('selection context menu copies the quote with its source', async () => {
    await seed.page.bringToFront();
    const selected = (await selectText(seed.page, '.news-body p')).replace(/\s+/g, ' ').trim();
    await driver.fireMenu('lectern-copy-quote-markdown', seed.tabId, { selectionText: selected });
    await waitFor(seed.page, () => document.querySelector('lectern-toast')?.dataset.state === 'done', undefined, {
      what: 'page toast',
    });
    const helper = await driver.openExtensionPage('popup.html');
    const markdown = (await readClipboardItems(helper)).text;
    assert.ok(markdown.startsWith(`> ${selected}\n\n— [${TITLE} — Caliber.az](${CANONICAL}#:~:text=`), markdown);
    await helper.close();
  });

  it('page context menu opens the reader', async () => {
    await seed.page.bringToFront();
    const readerOpened = driver.nextReader();
    await driver.fireMenu('lectern-open-reader', seed.tabId);
    const reader = await readerOpened;
    assert.match(
      await reader.evaluate(() => document.querySelector('[data-lectern="article"]').textContent),
      /The CIA carried out/,
    );
    await reader.close();
  });

  it('copies on a page that refuses the async clipboard (fallback)', async () => {
    const pageUrl = `${server.base}/articles/no-clipboard?utm_medium=social`;
    const { page, tabId } = await openArticleTab(driver, pageUrl, '✓');
    const helper = await setClipboard(driver, 'before');
    await page.bringToFront();
    if (driver.name === 'chromium') {
      // The premise: the page (content scripts included) may not use the async clipboard.
      assert.equal(await page.evaluate(() => document.featurePolicy.allowsFeature('clipboard-write')), false);
    }
    await driver.fireMenu('lectern-copy-clean-link', tabId);
    await waitFor(page, () => document.querySelector('lectern-toast')?.dataset.state === 'done', undefined, {
      what: 'page toast',
    });
    assert.equal((await readClipboardItems(helper)).text, CANONICAL);
    await page.close();
    await helper.close();
  });

  it('says so when nothing can be copied from the page', async () => {
    const pageUrl = `${server.base}/articles/no-copy-at-all`;
    const { page } = await openArticleTab(driver, pageUrl, '✓');
    const helper = await setClipboard(driver, 'before');
    await page.bringToFront();
    await driver.fireCommand('copy-link');
    // Chromium applies the page's policy to content scripts; Firefox lets an extension with clipboardWrite write
    // the clipboard whatever the page says, so there the copy still works.
    const refused = driver.name === 'chromium';
    const state = await waitFor(page, () => document.querySelector('lectern-toast')?.dataset.state, undefined, {
      what: 'page toast',
    });
    assert.equal(state, refused ? 'failed' : 'done');
    assert.equal((await readClipboardItems(helper)).text, refused ? 'before' : CANONICAL);
    await page.bringToFront();
    await page.screenshot({ path: `${ARTIFACTS}/${driver.name}-copy-${state}.png` });
    await page.close();
    await helper.close();
  });
}
