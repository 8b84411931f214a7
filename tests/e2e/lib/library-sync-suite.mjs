// The library's index through storage.sync, the same in Chromium and Firefox: "another device" writes an article's
// record into storage.sync (from the extension's background, as the browser's sync would), the library page lists it
// as queued with its state, tags and progress; archiving it in the page updates storage.sync; opening it reads the
// article from its address; storage.sync filled by other data makes the page say so, with the articles kept.
import assert from 'node:assert/strict';
import { waitFor, waitForToast } from './extension.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { until } from './wait.mjs';
import { watchErrors } from './errors.mjs';

/** The library's records in storage.sync (items `lib.<n>`, each `{ v, e: [records] }`), by article address. */
async function syncedRecords(driver) {
  const all = await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.sync.get(null));
  const records = new Map();
  for (const [key, item] of Object.entries(all)) {
    if (key.startsWith('lib.')) for (const r of item.e) records.set(r.i, r);
  }
  return records;
}

/** The library page's item for an address: its text, state, and whether it is queued. */
const itemOf = (library, id) =>
  library.evaluate((id) => {
    const li = [...document.querySelectorAll('[data-lectern="library-item"]')].find((el) => el.dataset.id === id);
    return li
      ? { text: li.textContent, state: li.dataset.state, title: li.querySelector('.library-title').textContent }
      : null;
  }, id);

export function librarySyncSuite(launch) {
  let driver;
  let server;
  let errors;

  before(async () => {
    server = await startServer();
    driver = await launch();
    errors = await watchErrors(driver);
    // Whatever the background synced at its start is done (the state it keeps for the page says so).
    await until(
      async () =>
        (await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.local.get('librarySync'))).librarySync
          ?.state === 'synced',
      { what: 'the first library sync round', timeout: 30_000 },
    );
  });

  after(async () => {
    await closeAll(driver, server);
  });

  /** The library page, its whole list read. */
  async function openLibrary() {
    const library = await driver.openExtensionPage('library.html');
    await waitFor(
      library,
      () => document.querySelector('[data-lectern="library"]')?.dataset.state === 'ready',
      undefined,
      {
        what: 'the library page',
      },
    );
    return library;
  }

  it('an article another browser synced appears queued with its state, tags and progress; archiving it here reaches storage.sync; opening it reads the article', async () => {
    const library = await openLibrary();
    const id = `${server.base}/articles/library-salt`;
    const at = Date.now() - 3_600_000;
    const b36 = (n) => n.toString(36);
    // The record as another device's Lectern writes it (format in the README): reading, 25 %, tagged.
    await driver.ext(({ item }) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ 'lib.0': item }), {
      item: {
        v: 1,
        e: [
          {
            i: id,
            t: 'Salt, as titled on the laptop',
            s: 'Laptop News',
            a: b36(at),
            z: 1,
            g: ['from-laptop'],
            p: 250,
            k: b36(at),
          },
        ],
      },
    });
    await waitFor(
      library,
      (id) => [...document.querySelectorAll('[data-lectern="library-item"]')].some((li) => li.dataset.id === id),
      id,
      { what: 'the synced article listed', timeout: 20_000 },
    );
    const item = await itemOf(library, id);
    assert.equal(item.title, 'Salt, as titled on the laptop');
    assert.equal(item.state, 'reading');
    assert.match(item.text, /Laptop News/);
    assert.match(item.text, /25%/);
    assert.match(item.text, /from-laptop/);
    assert.match(item.text, /Not read yet/);
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-synced.png` });

    // Archived here: storage.sync carries the new state (3: archived), the rest of the record as it was.
    await library.evaluate(
      (id) =>
        [...document.querySelectorAll('[data-lectern="library-item"]')]
          .find((li) => li.dataset.id === id)
          .querySelector('[data-action="archive"]')
          .click(),
      id,
    );
    const archived = await until(
      async () => {
        const r = (await syncedRecords(driver)).get(id);
        return r?.z === 3 ? r : null;
      },
      { what: 'the archived state in storage.sync', timeout: 20_000 },
    );
    assert.deepEqual(archived.g, ['from-laptop']);
    assert.equal(archived.p, 250);

    // Opened from the library (archived ones show when asked for): its page opens and the reader saves it.
    await library.evaluate(() => {
      const select = document.querySelector('[data-control="state"]');
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const opened = driver.nextReader({ timeout: 20_000 });
    await library.evaluate(
      (id) =>
        [...document.querySelectorAll('[data-lectern="library-item"]')]
          .find((li) => li.dataset.id === id)
          .querySelector('.library-title')
          .click(),
      id,
    );
    const reader = await opened;
    assert.match(await waitForToast(reader), /Saved to library/);
    await reader.close();
    await library.bringToFront();
    await waitFor(
      library,
      (id) => {
        const li = [...document.querySelectorAll('[data-lectern="library-item"]')].find((el) => el.dataset.id === id);
        return !!li && !/Not read yet/.test(li.textContent) && li.dataset.state === 'archived';
      },
      id,
      { what: 'the queued entry read and saved, still archived', timeout: 20_000 },
    );
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('storage.sync filled by other data: the library page says its articles are not synced, and keeps them', async () => {
    const library = await openLibrary();
    // The article of the test before is archived: every state shown.
    await library.evaluate(() => {
      const select = document.querySelector('[data-control="state"]');
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(library, () => document.querySelectorAll('[data-lectern="library-item"]').length > 0, undefined, {
      what: 'the library listed',
    });
    const before = await library.evaluate(() => document.querySelectorAll('[data-lectern="library-item"]').length);
    // 12 items of ~8.1 kB from elsewhere: about 97 kB of the 100 kB storage.sync allows.
    const filler = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`other.${i}`, 'x'.repeat(8100)]));
    await driver.ext((items) => (globalThis.browser ?? globalThis.chrome).storage.sync.set(items), filler);
    // A change here starts a round.
    await library.evaluate(() =>
      document.querySelector('[data-lectern="library-item"] [data-action="archive"]').click(),
    );
    const state = await waitFor(
      library,
      () => document.querySelector('[data-lectern="library-sync-state"]')?.dataset.state ?? null,
      undefined,
      { what: 'the sync state shown', timeout: 20_000 },
    );
    assert.equal(state, 'partial');
    const text = await library.evaluate(
      () => document.querySelector('[data-lectern="library-sync-state"]').textContent,
    );
    assert.match(text, /Not synced to your other browsers: 1 of your articles/);
    assert.equal(
      await library.evaluate(() => document.querySelectorAll('[data-lectern="library-item"]').length),
      before,
    );
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-sync-full.png` });

    // Room again: the message goes once a round has synced everything.
    await driver.ext(
      (keys) => (globalThis.browser ?? globalThis.chrome).storage.sync.remove(keys),
      Object.keys(filler),
    );
    await library.evaluate(() =>
      document.querySelector('[data-lectern="library-item"] [data-action="archive"]').click(),
    );
    await waitFor(library, () => !document.querySelector('[data-lectern="library-sync-state"]'), undefined, {
      what: 'the sync message gone',
      timeout: 20_000,
    });
    await library.close();
    assert.deepEqual(await errors.take(), []);
  });
}
