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
import { ARTICLES, highlightedText, listed, openFromLibrary, saveFixtures, waitForCount } from './lib/library.mjs';
import { startServer } from './lib/server.mjs';
import { ARTIFACTS } from './lib/paths.mjs';

const PASSAGE = 'foghorn was silenced';

/** Reads the fixture article, highlights a passage by the keyboard (key L), saves the article to the library. */
const makeThings = (driver, server) => saveFixtures(driver, server, ['lighthouse'], { lighthouse: PASSAGE });

/** Opens the library, finds the saved article, opens it: the highlight is back on its words. */
async function findThings(driver) {
  const library = await driver.openExtensionPage('library.html');
  await waitForCount(library, 1);
  assert.deepEqual(await listed(library), [ARTICLES.lighthouse]);
  const reader = await openFromLibrary(driver, library, ARTICLES.lighthouse);
  const marks = await highlightedText(reader);
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
