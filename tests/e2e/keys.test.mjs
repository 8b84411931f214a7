// A real key press: the browsers in a window on a private X display, xdotool types the suggested shortcut.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { openArticleTab, waitClosed } from './lib/extension.mjs';
import { startServer } from './lib/server.mjs';
import { until } from './lib/wait.mjs';
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

describe('real key press', () => {
  it('Alt+R opens and closes the reader in Chromium', async () => {
    const driver = await launchChromium({ headless: false, display: x.display });
    try {
      await pressToggle(driver, () => {
        const windows = xdotool(x.display, 'search', '--onlyvisible', '--class', 'chromium')
          .split('\n')
          .filter(Boolean);
        return windows.find((w) => /CIA conducts|Lectern|CNN/.test(xdotool(x.display, 'getwindowname', w)));
      });
    } finally {
      await driver.close();
    }
  });

  it('Alt+R opens and closes the reader in Firefox', async () => {
    const driver = await launchFirefox({ headless: false, display: x.display });
    try {
      const pid = String(driver.browser.process().pid);
      await pressToggle(driver, () =>
        xdotool(x.display, 'search', '--onlyvisible', '--pid', pid).split('\n').filter(Boolean).pop(),
      );
    } finally {
      await driver.close();
    }
  });
});
