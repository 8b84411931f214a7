// What the user made survives the browser or the add-on starting again: a highlight with its note and a saved
// article (IndexedDB) are there after a Chromium restart on the same profile, and after Firefox disables and enables
// the add-on (as an update does: its background and pages start again, its data stays).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { after, before, it } from './lib/deadlines.mjs';
import { waitFor } from './lib/extension.mjs';
import { ARTICLES, saveFixtures } from './lib/library.mjs';
import { startServer } from './lib/server.mjs';
import { ARTIFACTS } from './lib/paths.mjs';

const PASSAGE = 'foghorn was silenced';

/** Reads the fixture article, highlights a passage by the keyboard (key L), saves the article to the library. */
const makeThings = (driver, server) => saveFixtures(driver, server, ['lighthouse'], { lighthouse: PASSAGE });

/** Opens the library, finds the saved article, opens it: the highlight is back on its words. */
async function findThings(driver) {
  const library = await driver.openExtensionPage('library.html');
  const titles = await waitFor(
    library,
    () => {
      const items = [...document.querySelectorAll('[data-lectern="library-item"] .library-title')];
      return items.length ? items.map((a) => a.textContent) : null;
    },
    undefined,
    { what: 'the library listed' },
  );
  assert.deepEqual(titles, [ARTICLES.lighthouse]);
  const opened = driver.nextReader();
  await library.click('[data-lectern="library-item"] .library-title');
  const reader = await opened;
  await reader.bringToFront();
  const marks = await waitFor(
    reader,
    () =>
      [...document.querySelectorAll('[data-lectern="article"] mark[data-lectern="highlight"]')]
        .map((m) => m.textContent)
        .join('') || null,
    undefined,
    { what: 'the highlight attached' },
  );
  assert.equal(marks, PASSAGE);
  await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-kept-after-restart.png` });
  await reader.close();
  await library.close();
}

/** The same story in a browser: `launch` starts it, `restart` makes the extension start again with its data. */
function keeps(title, launch, restart) {
  describe(title, () => {
    let driver;
    let server;
    before(async () => {
      server = await startServer();
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });

    it('keeps the saved article and its highlight', async () => {
      driver = await launch();
      await makeThings(driver, server);
      driver = await restart(driver);
      await findThings(driver);
    });
  });
}

const profile = mkdtempSync(join(tmpdir(), 'lectern-chromium-kept-'));
after(() => rmSync(profile, { recursive: true, force: true }));

keeps(
  'Chromium: highlights and the library after a browser restart (same profile)',
  () => launchChromium({ profile }),
  async (driver) => {
    await driver.close();
    return launchChromium({ profile });
  },
);

keeps(
  'Firefox: highlights and the library after the add-on starts again',
  () => launchFirefox(),
  async (driver) => {
    await driver.restartAddon();
    return driver;
  },
);
