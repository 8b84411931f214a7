// Issue #6, end to end and the same in Chromium and Firefox: hostile pages and bad input.
// Nothing from a page executes in the reader, nothing breaks it, nothing leaks from it.
import assert from 'node:assert/strict';
import { PAYLOADS, xssArticle } from '../../fixtures/xss/payloads.mjs';
import { openReaderByCommand, tabIdOf, tabLoaded } from './extension.mjs';
import { startServer } from './server.mjs';
import { until } from './wait.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';

/** No script, no load, no navigation, no form and no plugin in the page itself: only the snapshot carries the payloads. */
const INERT_PAGE = { 'content-security-policy': "sandbox allow-same-origin; default-src 'none'" };

export const ROUTES = {
  '/articles/xss': ({ base }) => ({ headers: INERT_PAGE, body: xssArticle({ base }) }),
  // The same corpus in an ordinary page, to show that the payloads are live.
  '/articles/xss-live': ({ base }) => ({ body: xssArticle({ base, hitPrefix: '/live' }) }),
};

/** The pages open in the browser (to close the tabs a test's clicks opened). */
async function openPages(driver) {
  return driver.name === 'chromium' ? driver.context.pages() : await driver.browser.pages();
}

/** Opens `url` (no badge expected: the reader is opened by command whatever the page is) and waits for its tab. */
async function openTab(driver, url) {
  const page = await driver.newPage(url);
  const tabId = await tabIdOf(driver, url);
  return { page, tabId };
}

/** Hovers, clicks and types over everything in the reader's article, the way a reader would, and scrolls to its end. */
export async function interact(reader) {
  await reader.bringToFront();
  const count = await reader.evaluate(() => {
    const body = document.querySelector('[data-lectern="article"]');
    const all = [...body.querySelectorAll('*')];
    all.forEach((el, i) => el.setAttribute('data-test-i', String(i)));
    return all.length;
  });
  const clickable = new Set(['A', 'AREA', 'SUMMARY', 'BUTTON', 'INPUT', 'LABEL', 'P', 'DIV', 'text', 'a']);
  for (let i = 0; i < count; i++) {
    const box = await reader.evaluate((i) => {
      const el = document.querySelector(`[data-test-i="${i}"]`);
      if (!el) return null;
      el.scrollIntoView({ block: 'start', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const x = r.left + Math.min(r.width / 2, 20);
      const y = Math.max(r.top, 0) + Math.min(r.height / 2, 10);
      if (r.width < 1 || r.height < 1 || x < 0 || x >= window.innerWidth || y >= window.innerHeight) return null;
      return { x, y, tag: el.tagName };
    }, i);
    if (!box) continue;
    await reader.mouse.move(box.x, box.y);
    if (clickable.has(box.tag)) {
      await reader.mouse.click(box.x, box.y);
      // A link that still works opens a tab next to the reader: input goes to the reader again.
      if (/^(A|a|AREA)$/.test(box.tag)) await reader.bringToFront();
    }
  }
  await reader.bringToFront();
  await reader.evaluate(() => document.getElementById('reader-main')?.focus());
  for (let i = 0; i < 12; i++) await reader.keyboard.press('Tab');
  for (const key of ['Enter', 'ArrowDown', 'PageDown', 'Home', 'End', '+', '-', 'n', 'n']) {
    await reader.keyboard.press(key);
  }
  await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/**
 * Lets what is already in flight land: two frames in `page`, then a sentinel image the page asks the server for last;
 * once the server has it, what the page asked for before has arrived too. Not an assertion.
 */
async function settle(page, server) {
  const sentinel = `/sentinel/${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    (src) =>
      new Promise((r) =>
        window.requestAnimationFrame(() =>
          window.requestAnimationFrame(() => {
            new window.Image().src = src;
            r();
          }),
        ),
      ),
    `${server.base}${sentinel}`,
  );
  await until(() => server.requests.includes(sentinel), { what: 'the sentinel request' });
}

export function securitySuite(launch) {
  let driver;
  let server;

  before(async () => {
    server = await startServer({ routes: ROUTES });
    driver = await launch();
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it(`the XSS corpus is live: in an ordinary page its ${PAYLOADS.length} payloads fire`, async () => {
    await driver.newPage(`${server.base}/articles/xss-live`);
    const fired = await until(
      async () => {
        const hits = new Set(server.requests.filter((p) => p.startsWith('/live/')));
        return hits.size >= 25 && hits;
      },
      { what: 'payloads firing in a plain page' },
    );
    assert.ok(fired.size >= 25, `${fired.size} payloads fired`);
    // Not page.close(): on this page (a payload's meta refresh navigates it as it loads) Playwright's close sometimes
    // never answered, about one run in four. The browser's own tabs.remove closes every tab the page became.
    const closed = await driver.ext(async (prefix) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const ids = (await api.tabs.query({})).filter((tab) => tab.url?.startsWith(prefix)).map((tab) => tab.id);
      await api.tabs.remove(ids);
      return ids.length;
    }, `${server.base}/`);
    assert.ok(closed >= 1, 'the live page was open until now');
  });

  it(`XSS corpus: none of ${PAYLOADS.length} payloads runs or loads in the reader, the article renders`, async () => {
    const url = `${server.base}/articles/xss`;
    const { page, tabId } = await openTab(driver, url);
    // The page can't run script (not even the driver's): its load is over when the browser says so, every request
    // of its markup made by then.
    await tabLoaded(driver, tabId, 'the XSS page loaded');
    assert.deepEqual(
      server.requests.filter((p) => p.startsWith('/hit/')),
      [],
      'the page itself is inert',
    );
    const before = new Set(await openPages(driver));
    const reader = await openReaderByCommand(driver, page);
    const text = await reader.evaluate(() => document.querySelector('[data-lectern="article"]')?.textContent ?? '');
    assert.match(text, /The harbour master’s ledgers survive in full/);
    assert.match(text, /Paragraph 1 of the harbour report/);
    assert.match(text, new RegExp(`Paragraph ${PAYLOADS.length} of the harbour report`));

    await interact(reader);
    // The article's own last image loads: the reader got to the end, and images still work. A link clicked above
    // may have opened its tab only after the reader came back to the front, and a background tab loads no lazy
    // image: the reader is brought to the front, at its end, on every try.
    await until(
      async () => {
        await reader.bringToFront();
        return reader.evaluate(() => {
          const img = document.querySelector('[data-lectern="article"] img[src*="dock.png?end"]');
          img?.scrollIntoView({ block: 'center', behavior: 'instant' });
          return img?.complete && img.naturalWidth > 0;
        });
      },
      { what: 'the last image of the article', timeout: 20_000 },
    );
    await settle(reader, server);

    assert.deepEqual(
      server.requests.filter((p) => p.startsWith('/hit/')),
      [],
      'no payload reached the server',
    );
    const dom = await reader.evaluate(() => {
      const body = document.querySelector('[data-lectern="article"]');
      const all = [...body.querySelectorAll('*')];
      return {
        flag: document.documentElement.getAttribute('data-xss'),
        flagged: document.querySelectorAll('[data-xss]').length,
        forbidden: [
          ...body.querySelectorAll('script, style, iframe, frame, object, embed, form, base, meta, link, noscript'),
        ].map((el) => el.tagName),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        styles: all.filter((el) => el.hasAttribute('style')).length,
        scriptUrls: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^(javascript|vbscript|data:text)/i.test([...a.value].filter((c) => c > ' ').join('')))
            .map((a) => `${el.tagName} ${a.name}`),
        ),
      };
    });
    assert.equal(dom.flag, null, 'no payload ran in the reader');
    assert.equal(dom.flagged, 0);
    assert.deepEqual(dom.forbidden, []);
    assert.deepEqual(dom.handlers, []);
    assert.equal(dom.styles, 0);
    assert.deepEqual(dom.scriptUrls, []);
    assert.equal(await reader.evaluate(() => !!document.querySelector('[data-lectern="reader"]')), true);

    for (const p of await openPages(driver)) if (!before.has(p) && p !== reader) await p.close().catch(() => {});
    await reader.close();
    await page.close();
  });
}
