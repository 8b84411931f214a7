// axe-core (npm) in the real browsers against the reader (each theme, the panels open), the popup and the options
// page: zero violations of every rule axe runs by default (WCAG 2.x A/AA and best practices), and in the
// high-contrast theme also the AAA contrast rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openArticleTab, openReaderByCommand, waitFor, openPopup } from './extension.mjs';
import { startServer } from './server.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe in `page` and returns its violations as short lines (rule: target, summary). */
export async function violations(page, { aaa = false } = {}) {
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!injected) await page.evaluate(AXE);
  const result = await page.evaluate(async (aaa) => {
    const options = { resultTypes: ['violations'] };
    if (aaa) options.rules = { 'color-contrast-enhanced': { enabled: true } };
    const { violations } = await window.axe.run(document, options);
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
  }, aaa);
  return result;
}

export async function setTheme(driver, theme) {
  await driver.ext(async (theme) => {
    const api = globalThis.browser ?? globalThis.chrome;
    const { settings } = await api.storage.sync.get('settings');
    await api.storage.sync.set({ settings: { ...settings, theme } });
  }, theme);
}

export function a11ySuite(launch) {
  let driver;
  let server;
  let seed;

  before(async () => {
    server = await startServer();
    driver = await launch();
    seed = await openArticleTab(driver, `${server.base}/articles/seed-article`, '✓');
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('reader: no axe violations in any theme, with the panels and read-aloud bar open', async () => {
    const reader = await openReaderByCommand(driver, seed.page);
    await reader.bringToFront();
    for (const theme of ['light', 'sepia', 'dark', 'contrast', 'auto']) {
      await setTheme(driver, theme);
      await waitFor(reader, (t) => document.documentElement.dataset.theme === t, theme, { what: theme });
      assert.deepEqual(await violations(reader, { aaa: theme === 'contrast' }), [], `reader, ${theme} theme`);
    }
    await setTheme(driver, 'light');
    await reader.keyboard.press('t');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="typography"]'), undefined, { what: 'panel' });
    assert.deepEqual(await violations(reader), [], 'reader with the typography panel');
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('?');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="key-help"]'), undefined, { what: 'keys' });
    assert.deepEqual(await violations(reader), [], 'reader with the key list');
    await reader.keyboard.press('Escape');
    // Read aloud with a silent stub voice (the test browsers have none): the bar's controls are checked too.
    await reader.evaluate(() => {
      class Utterance {
        constructor(text) {
          this.text = text;
        }
      }
      // One voice: with none, Lectern says so instead of showing the bar.
      const voice = { name: 'Stub', lang: 'en-US', default: true, localService: true, voiceURI: 'Stub' };
      const synth = {
        getVoices: () => [voice],
        addEventListener() {},
        removeEventListener() {},
        speak() {},
        cancel() {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    });
    await reader.keyboard.press('s');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="speech-bar"]'), undefined, {
      what: 'speech bar',
      timeout: 5000,
    });
    assert.deepEqual(await violations(reader), [], 'reader while reading aloud');
    await reader.close();
  });

  it('reader with a highlight of each colour (one with a note) and the notes panel open: no violations in any theme', async () => {
    const reader = await openReaderByCommand(driver, seed.page);
    await reader.bringToFront();
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="article"] p').length >= 4, undefined, {
      what: 'article',
    });
    for (const [i, color] of ['yellow', 'green', 'blue', 'pink'].entries()) {
      // The first words of a paragraph selected, the popover's colour clicked.
      await reader.evaluate((i) => {
        const p = document.querySelectorAll('[data-lectern="article"] p')[i];
        const walker = document.createTreeWalker(p, 4 /* text */);
        let text = walker.nextNode();
        while (text && !text.data.trim()) text = walker.nextNode();
        const start = text.data.search(/\S/);
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, Math.min(text.data.length, start + 40));
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        p.dispatchEvent(new window.PointerEvent('pointerup', { bubbles: true }));
      }, i);
      await waitFor(reader, () => !!document.querySelector('[data-lectern="highlight-popover"]'), undefined, {
        what: 'popover',
      });
      await reader.click(`[data-lectern="highlight-popover"] [data-color="${color}"]`);
      await waitFor(reader, (c) => !!document.querySelector(`mark[data-color="${c}"]`), color, { what: color });
    }
    await reader.click('mark[data-color="blue"]');
    await reader.click('[data-lectern="highlight-popover"] [data-action="note"]');
    await reader.keyboard.type('A note');
    await reader.click('[data-lectern="highlight-popover"] [data-action="save-note"]');
    await waitFor(reader, () => !!document.querySelector('mark[data-note]'), undefined, { what: 'note' });
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('a');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 4, undefined, {
      what: 'notes panel',
    });
    for (const theme of ['light', 'sepia', 'dark', 'contrast', 'auto']) {
      await setTheme(driver, theme);
      await waitFor(reader, (t) => document.documentElement.dataset.theme === t, theme, { what: theme });
      assert.deepEqual(
        await violations(reader, { aaa: theme === 'contrast' }),
        [],
        `reader with highlights and the notes panel, ${theme} theme`,
      );
    }
    await setTheme(driver, 'light');
    await reader.close();
  });

  it('popup: no axe violations', async () => {
    for (const theme of ['light', 'dark']) {
      await setTheme(driver, theme);
      const popup = await openPopup(driver, seed.tabId);
      await waitFor(popup, () => !!document.querySelector('[data-share]'), undefined, { what: 'popup' });
      assert.deepEqual(await violations(popup), [], `popup, ${theme}`);
      await popup.close();
    }
    await setTheme(driver, 'light');
  });

  it('options page: no axe violations', async () => {
    // With the highlight sync line saying a problem (as a reader records it), the page's most marked-up state.
    await driver.ext(() =>
      (globalThis.browser ?? globalThis.chrome).storage.local.set({
        highlightSyncProblem: { state: 'full', url: 'https://example.com/story', at: Date.now() },
      }),
    );
    for (const theme of ['light', 'contrast']) {
      await setTheme(driver, theme);
      const options = await driver.openExtensionPage('options.html');
      await waitFor(
        options,
        () =>
          !!document.querySelector('[data-lectern="share-targets"]') &&
          document.querySelector('[data-lectern="sync-status"]')?.dataset.state === 'full',
        undefined,
        { what: 'options, with the sync problem' },
      );
      assert.deepEqual(await violations(options, { aaa: theme === 'contrast' }), [], `options, ${theme}`);
      await options.close();
    }
    await setTheme(driver, 'light');
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('highlightSyncProblem'));
  });
}
