import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { openArticleTab, waitFor, waitForToast } from './lib/extension.mjs';
import { startServer } from './lib/server.mjs';
import { sharingSuite } from './lib/sharing-suite.mjs';
import { readerSuite } from './lib/suite.mjs';

describe('Chromium', () => {
  readerSuite(() => launchChromium());
});

describe('Chromium: copy and share', () => {
  sharingSuite(() => launchChromium(), { menus: true });
});

describe('Chromium: context menu and Russian interface', () => {
  let driver;
  let server;
  before(async () => {
    server = await startServer();
    driver = await launchChromium({ lang: 'ru' });
  });
  after(async () => {
    await driver?.close();
    await server?.close();
  });

  it('opens the reader from the page context menu', async () => {
    const { page, tabId } = await openArticleTab(driver, `${server.base}/articles/seed-article`, '✓');
    await page.bringToFront();
    const readerOpened = driver.nextReader();
    await driver.fireMenu('lectern-open-reader', tabId);
    const reader = await readerOpened;
    assert.match(
      await reader.evaluate(() => document.querySelector('[data-lectern="article"]').textContent),
      /The CIA carried out/,
    );
    await reader.close();
  });

  it('speaks Russian in a Russian browser', async () => {
    const { tabId } = await openArticleTab(driver, `${server.base}/articles/seed-article?ru`, '✓');
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await waitFor(popup, () => !!document.querySelector('[data-action="copy-link"]'), undefined, { what: 'popup' });
    assert.equal(
      await popup.evaluate(() => document.querySelector('[data-action="open-reader"]').textContent),
      'Открыть режим чтения',
    );
    await popup.click('[data-action="copy-link"]');
    const toast = await waitForToast(popup);
    assert.equal(toast, 'Ссылка скопирована');
    await popup.screenshot({ path: 'test-artifacts/chromium-popup-ru.png' });
  });
});
