// What must survive the background starting again without an install: the context menu (Firefox doesn't keep the
// menus of a persistent background page across a restart; they must be made at every start).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { after, it } from './lib/deadlines.mjs';
import { until } from './lib/wait.mjs';

const MENU_IDS = ['lectern-open-reader', 'lectern-copy-link', 'lectern-copy-quote'];

/** In an extension context: which of `ids` the browser has as menu items (updating a missing one rejects). */
function menusFound(ids) {
  const api = globalThis.browser ?? globalThis.chrome;
  const menus = api.menus ?? api.contextMenus;
  return Promise.all(
    ids.map((id) =>
      menus.update(id, {}).then(
        () => id,
        () => null,
      ),
    ),
  ).then((found) => found.filter(Boolean));
}

describe('Chromium: the menu after a browser restart (same profile)', () => {
  const profile = mkdtempSync(join(tmpdir(), 'lectern-chromium-kept-'));
  let driver;
  after(async () => {
    await driver?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('has every menu item before and after the restart', async () => {
    driver = await launchChromium({ profile });
    await until(async () => (await driver.ext(menusFound, MENU_IDS)).length === MENU_IDS.length, {
      what: 'menu items at install',
    });
    await driver.close();
    driver = await launchChromium({ profile });
    await until(async () => (await driver.ext(menusFound, MENU_IDS)).length === MENU_IDS.length, {
      what: 'menu items after the restart',
    });
    assert.deepEqual(await driver.ext(menusFound, MENU_IDS), MENU_IDS);
  });
});

describe('Firefox: the menu after the background starts again without an install', () => {
  let driver;
  after(async () => {
    await driver?.close();
  });

  it('has every menu item after the add-on is disabled and enabled (its background restarts, no onInstalled)', async () => {
    driver = await launchFirefox();
    await until(async () => (await driver.ext(menusFound, MENU_IDS)).length === MENU_IDS.length, {
      what: 'menu items at install',
    });
    await driver.restartAddon();
    // The extension pages closed with the add-on: ask from a new one.
    const page = await driver.openExtensionPage('popup.html');
    await until(async () => (await page.evaluate(menusFound, MENU_IDS)).length === MENU_IDS.length, {
      what: 'menu items after the restart',
    });
  });
});
