import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { badgeOf, tabIdOf, waitFor } from './lib/extension.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { sharingSuite } from './lib/sharing-suite.mjs';
import { readerSuite } from './lib/suite.mjs';
import { until } from './lib/wait.mjs';
import { after, before, closeAll, it } from './lib/deadlines.mjs';

describe('Firefox', () => {
  readerSuite(() => launchFirefox());
});

describe('Firefox: copy and share', () => {
  sharingSuite(() => launchFirefox());
});

// Firefox's driver installs the add-on into a running browser, as a person does: pages can be open before it.
describe('Firefox: pages open before Lectern was installed', () => {
  let driver;
  let server;
  let page;
  before(async () => {
    server = await startServer();
    driver = await launchFirefox({
      beforeInstall: async (browser) => {
        page = await browser.newPage();
        await page.goto(`${server.base}/articles/seed-article`);
        await page.evaluate(() => {
          window.openedBeforeLectern = true;
        });
      },
    });
  });
  after(async () => {
    await closeAll(driver, server);
  });

  it('get their badge and open in the reader without a reload', async () => {
    const url = `${server.base}/articles/seed-article`;
    const tabId = await tabIdOf(driver, url);
    await until(async () => (await badgeOf(driver, tabId)).text === '✓', { what: 'badge on the page open before' });
    await page.bringToFront();
    const opened = driver.nextReader();
    await driver.fireCommand('toggle-reader');
    const reader = await opened;
    const title = await waitFor(
      reader,
      () => document.querySelector('[data-lectern="title"]')?.textContent,
      undefined,
      {
        what: 'reader title',
      },
    );
    assert.equal(title, 'CNN: CIA conducts first known US drone strike inside Venezuela');
    // The same document all along: nothing reloaded it.
    assert.equal(await page.evaluate(() => window.openedBeforeLectern), true);
    await reader.close();
  });
});
