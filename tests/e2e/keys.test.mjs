// A real key press: the browsers in a window on a private X display, xdotool types the suggested shortcut.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { watchErrors } from './lib/errors.mjs';
import { openArticleTab, openReaderByCommand, waitClosed, waitFor } from './lib/extension.mjs';
import { startServer } from './lib/server.mjs';
import { sleep, until } from './lib/wait.mjs';
import { startDisplay, xdotool } from './lib/xvfb.mjs';
import { after, before, it } from './lib/deadlines.mjs';

let server;
let x;
before(async () => {
  server = await startServer();
  x = await startDisplay();
});
after(async () => {
  x?.stop();
  await server?.close();
});

/** Opens the seed page, presses Alt+R in the browser window, and checks the reader opens and Alt+R closes it. */
async function pressToggle(driver, findWindow) {
  const url = `${server.base}/articles/seed-article`;
  const { page } = await openArticleTab(driver, url, '✓');
  await page.bringToFront();
  const window = await until(async () => findWindow(), { what: 'browser window' });
  const opened = driver.nextReader();
  xdotool(x.display, 'windowfocus', '--sync', window);
  xdotool(x.display, 'key', '--clearmodifiers', 'alt+r');
  const reader = await opened;
  const text = await reader.evaluate(() => document.querySelector('[data-lectern="article"]')?.textContent ?? '');
  assert.match(text, /The CIA carried out a drone strike/);
  // The same key closes it again.
  xdotool(x.display, 'windowfocus', '--sync', window);
  xdotool(x.display, 'key', '--clearmodifiers', 'alt+r');
  await waitClosed(reader);
}

/**
 * Holds N in the reader for three seconds (the X server repeats it, as a keyboard does): night mode flips with every
 * repeat, on screen at once, while storage gets a handful of writes (Chrome allows 120 a minute) and no console shows an
 * error; the last value is the one saved.
 */
async function holdKey(driver, findWindow) {
  const errors = await watchErrors(driver);
  const url = `${server.base}/articles/seed-article`;
  const { page } = await openArticleTab(driver, url, '✓');
  const reader = await openReaderByCommand(driver, page);
  await reader.bringToFront();
  await reader.evaluate(() => {
    window.__repeats = 0;
    document.addEventListener('keydown', (e) => e.repeat && window.__repeats++);
  });
  await driver.ext(() => {
    const api = globalThis.browser ?? globalThis.chrome;
    globalThis.__settingsWrites = 0;
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && changes.settings) globalThis.__settingsWrites++;
    });
  });
  const window = await until(async () => findWindow(), { what: 'browser window' });
  xdotool(x.display, 'windowfocus', '--sync', window);
  xdotool(x.display, 'keydown', 'n');
  // The hold itself is what is tested: three seconds of the X server's key repeat.
  await sleep(3000);
  xdotool(x.display, 'keyup', 'n');
  const repeats = await reader.evaluate(() => window.__repeats);
  assert.ok(repeats >= 20, `the key repeated (${repeats} repeats)`);
  // The last value shown is the one stored (written a moment after the key came up).
  const shown = await reader.evaluate(() => document.documentElement.dataset.theme);
  await until(
    async () =>
      (await driver.ext(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.storage.sync.get('settings')).settings?.theme;
      })) === shown,
    { what: `theme ${shown} stored` },
  );
  await waitFor(reader, (t) => document.documentElement.dataset.theme === t, shown, { what: 'still shown' });
  const writes = await driver.ext(() => globalThis.__settingsWrites);
  assert.ok(writes >= 1 && writes <= 6, `${writes} writes for ${repeats + 1} changes`);
  assert.deepEqual(await errors.take(), [], 'no console error (no quota message)');
  await reader.close();
  await page.close();
}

/**
 * Runs `scenario(driver, findWindow)` in a browser shown in a window on the private display; `findWindow` gives the
 * X window to type into (Chromium's by the article's title, Firefox's by its process).
 */
const IN_A_WINDOW = {
  Chromium: async (scenario) => {
    const driver = await launchChromium({ headless: false, display: x.display });
    try {
      await scenario(driver, () =>
        xdotool(x.display, 'search', '--onlyvisible', '--class', 'chromium')
          .split('\n')
          .filter(Boolean)
          .find((w) => /CIA conducts|Lectern|CNN/.test(xdotool(x.display, 'getwindowname', w))),
      );
    } finally {
      await driver.close();
    }
  },
  Firefox: async (scenario) => {
    const driver = await launchFirefox({ headless: false, display: x.display });
    try {
      const pid = String(driver.browser.process().pid);
      await scenario(driver, () =>
        xdotool(x.display, 'search', '--onlyvisible', '--pid', pid).split('\n').filter(Boolean).pop(),
      );
    } finally {
      await driver.close();
    }
  },
};

describe('a key held down in the reader', () => {
  for (const [name, inAWindow] of Object.entries(IN_A_WINDOW)) {
    it(`${name}: every repeat shows, a few writes store the last value, no console error`, () => inAWindow(holdKey));
  }
});

describe('real key press', () => {
  for (const [name, inAWindow] of Object.entries(IN_A_WINDOW)) {
    it(`Alt+R opens and closes the reader in ${name}`, () => inAWindow(pressToggle));
  }
});
