import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { ARTIFACTS } from './lib/paths.mjs';
import { openArticleTab, waitFor, waitForToast, openPopup } from './lib/extension.mjs';
import { startServer } from './lib/server.mjs';
import { sharingSuite } from './lib/sharing-suite.mjs';
import { readerSuite } from './lib/suite.mjs';
import { after, before, closeAll, it } from './lib/deadlines.mjs';

describe('Chromium', () => {
  readerSuite(() => launchChromium());
});

describe('Chromium: copy and share', () => {
  sharingSuite(() => launchChromium());
});

describe('Chromium: Russian interface', () => {
  let driver;
  let server;
  before(async () => {
    server = await startServer();
    driver = await launchChromium({ lang: 'ru' });
  });
  after(async () => {
    await closeAll(driver, server);
  });

  it('speaks Russian in a Russian browser', async () => {
    const { tabId } = await openArticleTab(driver, `${server.base}/articles/seed-article?ru`, '✓');
    const popup = await openPopup(driver, tabId);
    await waitFor(popup, () => !!document.querySelector('[data-action="copy-link"]'), undefined, { what: 'popup' });
    assert.equal(
      await popup.evaluate(() => document.querySelector('[data-action="open-reader"]').textContent),
      'Открыть режим чтения',
    );
    await popup.click('[data-action="copy-link"]');
    const toast = await waitForToast(popup);
    assert.equal(toast, 'Ссылка скопирована');
    await popup.screenshot({ path: `${ARTIFACTS}/chromium-popup-ru.png` });
  });
});
