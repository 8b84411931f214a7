// Issue #17's backup and imports end to end, the same in Chromium and Firefox: save three articles (one with a
// highlight), back the library up from the library page (the downloaded file), delete everything, import the file:
// the same articles, then opened offline with the kept image and the highlight; importing again changes nothing; a
// damaged file says so and changes nothing; Pocket's export file queues its links.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { savedFile, waitFor, waitForNextToast } from './extension.mjs';
import { listed, saveFixtures, waitForCount, highlightedText, openFromLibrary, shownImage } from './library.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { watchErrors } from './errors.mjs';

const TITLES = ['A city roof full of bees', 'Salt from the summer sea', 'The keeper of the northern light'];

/** Hands a file to the library's import input, as choosing it in the file dialog does (its change event). */
const chooseFile = (library, name, text) =>
  library.evaluate(
    ({ name, text }) => {
      const input = document.querySelector('[data-lectern="library-import-file"]');
      const files = new globalThis.DataTransfer();
      files.items.add(new globalThis.File([text], name));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );

/** Picks a state in the library's state filter, as the user does. */
const showState = (library, state) =>
  library.evaluate((state) => {
    const select = document.querySelector('[data-control="state"]');
    select.value = state;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, state);

export function libraryBackupSuite(launch) {
  let driver;
  let server;
  let errors;
  let backup;

  before(async () => {
    server = await startServer();
    driver = await launch();
    errors = await watchErrors(driver);
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('saves three articles, backs the library up, deletes everything and imports the file: the same library', async () => {
    await saveFixtures(driver, server, ['lighthouse', 'salt', 'bees'], { lighthouse: 'foghorn was silenced' });

    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    const before = (await listed(library)).sort();
    assert.deepEqual(before, TITLES);

    // Back up: the browser's download of one JSON file.
    const file = await savedFile(
      driver,
      library,
      () => library.click('[data-action="backup-library"]'),
      'the backup file',
    );
    assert.match(file.name, /^lectern-library-\d{4}-\d\d-\d\d\.json$/);
    backup = file.text;
    const parsed = JSON.parse(backup);
    assert.equal(parsed.format, 'lectern-library-backup');
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.articles.map((a) => a.entry.title).sort(), TITLES);
    const lighthouse = parsed.articles.find((a) => a.entry.title === TITLES[2]);
    assert.ok(lighthouse.images.length >= 1 && lighthouse.images[0].data.length > 100, 'the image is in the file');
    assert.deepEqual(
      lighthouse.highlights.map((h) => h.quote.exact),
      ['foghorn was silenced'],
    );
    assert.match(await waitForNextToast(library), /Library backed up: 3 articles/);

    // Delete everything: the articles, and the highlights' database too.
    await library.click('[data-control="select-all"]');
    await library.click('[data-action="delete-selected"]');
    await waitForCount(library, 0);
    assert.match(await waitForNextToast(library), /3 deleted/);
    await library.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = globalThis.indexedDB.deleteDatabase('lectern-reading');
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
        }),
    );

    // Import the file: everything back.
    await chooseFile(library, file.name, backup);
    assert.match(await waitForNextToast(library), /3 restored, 0 already up to date/);
    await waitForCount(library, 3);
    assert.deepEqual((await listed(library)).sort(), before);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-restored.png` });

    // Again: nothing changes.
    await chooseFile(library, file.name, backup);
    assert.match(await waitForNextToast(library), /0 restored, 3 already up to date/);
    assert.deepEqual((await listed(library)).sort(), before);

    // A damaged file (cut short) says so and changes nothing.
    await chooseFile(library, 'cut.json', backup.slice(0, Math.floor(backup.length / 2)));
    assert.match(await waitForNextToast(library), /damaged or cut short\. Nothing was imported/);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-import-damaged.png` });
    await chooseFile(library, file.name, backup.replace('"version":1', '"version":2'));
    assert.match(await waitForNextToast(library), /made by a newer Lectern/);
    await chooseFile(library, 'notes.txt', 'just some words');
    assert.match(await waitForNextToast(library), /can't import this file/);
    assert.deepEqual((await listed(library)).sort(), before);
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('the restored article opens offline with its kept image and its highlight', async () => {
    await server.close();
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    const reader = await openFromLibrary(driver, library, TITLES[2]);
    const image = await shownImage(reader);
    assert.match(image.src, /^blob:/);
    assert.equal(image.width, 800);
    const highlighted = await highlightedText(reader);
    assert.equal(highlighted, 'foghorn was silenced');
    await reader.evaluate(() =>
      document.querySelector('mark[data-lectern="highlight"]').scrollIntoView({ block: 'center' }),
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-restored-offline.png` });
    await reader.close();
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it("imports Pocket's export: its links queued, archived ones archived, nothing doubled", async () => {
    const pocket = await readFile(new URL('../../fixtures/imports/pocket-export.html', import.meta.url), 'utf8');
    const library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    if (driver.name === 'chromium') {
      // The keyboard alone: the Import button takes the focus and Enter opens the file dialog.
      await library.bringToFront();
      await library.focus('[data-action="import-library"]');
      const chooser = library.waitForEvent('filechooser');
      // The dialog is intercepted once Playwright has told the page; a round trip to the page makes sure it has.
      assert.equal(await library.evaluate(() => document.activeElement?.dataset.action), 'import-library');
      await library.keyboard.press('Enter');
      await (await chooser).setFiles({ name: 'ril_export.html', mimeType: 'text/html', buffer: Buffer.from(pocket) });
    } else {
      await chooseFile(library, 'ril_export.html', pocket);
    }
    assert.match(await waitForNextToast(library), /3 imported, 0 already there, 2 skipped \(not http\/https\)/);
    // Archived items are hidden unless asked for: the two unread ones show, not read yet.
    await waitForCount(library, 5);
    const queued = await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"]')]
        .filter((li) => /Not read yet/.test(li.textContent))
        .map((li) => ({
          title: li.querySelector('.library-title').textContent,
          tags: li.querySelector('.library-tags')?.textContent ?? '',
        })),
    );
    assert.deepEqual(queued.map((q) => q.title).sort(), ['Compost in winter', 'Tides & the moon']);
    assert.match(queued.find((q) => q.title === 'Tides & the moon').tags, /sea.*long read.*moon/);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-pocket-import.png` });
    await showState(library, 'archived');
    await waitForCount(library, 1);
    assert.deepEqual((await listed(library)).sort(), ['Мост через реку']);
    await showState(library, 'active');
    await waitForCount(library, 5);

    // The same file again: nothing doubled.
    await chooseFile(library, 'ril_export.html', pocket);
    assert.match(await waitForNextToast(library), /0 imported, 3 already there, 2 skipped/);
    await waitForCount(library, 5);

    // Instapaper's CSV: a link twice in it is one entry, a custom folder a tag, the Archive folder archived.
    const instapaper = await readFile(new URL('../../fixtures/imports/instapaper-export.csv', import.meta.url), 'utf8');
    await chooseFile(library, 'instapaper-export.csv', instapaper);
    assert.match(await waitForNextToast(library), /3 imported, 0 already there, 1 skipped/);
    await waitForCount(library, 7);
    const tea = await library.evaluate(
      () =>
        [...document.querySelectorAll('[data-lectern="library-item"]')]
          .find((li) => li.querySelector('.library-title').textContent === 'On tea')
          ?.querySelector('.library-tags')?.textContent,
    );
    assert.equal(tea, 'kitchen');
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });
}

/** The same messages in Russian (Chromium, whose interface language a test can set). */
export function libraryImportRussianSuite(launch) {
  let driver;
  before(async () => {
    driver = await launch();
  });
  after(async () => {
    await closeAll(driver);
  });

  it('a damaged file and an imported list are reported in Russian', async () => {
    const library = await driver.openExtensionPage('library.html');
    await waitFor(
      library,
      () => document.querySelector('[data-lectern="library"]')?.dataset.state === 'ready',
      undefined,
      {
        what: 'the library loaded',
      },
    );
    assert.equal(
      await library.evaluate(() => document.querySelector('[data-action="import-library"]').textContent),
      'Импорт…',
    );
    await chooseFile(library, 'cut.json', '{"format":"lectern-library-backup","version":1,"articles":[{"entry"');
    assert.match(await waitForNextToast(library), /Файл резервной копии повреждён или обрезан/);
    const pocket = await readFile(new URL('../../fixtures/imports/pocket-export.html', import.meta.url), 'utf8');
    await chooseFile(library, 'ril_export.html', pocket);
    assert.match(await waitForNextToast(library), /Импортировано: 3, уже были: 0, пропущено \(не http\/https\): 2/);
    await waitForCount(library, 2);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-import-ru.png` });
  });
}
