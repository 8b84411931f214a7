// Issue #17's exports end to end, the same in Chromium and Firefox: save three articles, select them on the library
// page, export an EPUB (the file the browser downloads goes through epubcheck, which must find nothing; its first
// chapter is then opened as a page and photographed), export the Markdown zip (unzipped: a .md per article, front
// matter, image links that resolve), and export one article by the keyboard alone from its own Export menu.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { savedFile, waitFor, waitForToast } from './extension.mjs';
import { saveFixtures, waitForCount } from './library.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { watchErrors } from './errors.mjs';
import { violations } from './a11y-suite.mjs';

const TITLES = ['The keeper of the northern light', 'Salt from the summer sea', 'A city roof full of bees'];

/**
 * epubcheck on a file (Debian's jar, run by java: the binfmt wrapper may be missing in a container): its exit status
 * and output. Missing, it throws: the test fails, never skips.
 */
export function epubcheck(file) {
  const jar = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck']
    .filter((p) => existsSync(p))
    .map((p) => realpathSync(p))[0];
  if (!jar) throw new Error('epubcheck is not installed (Debian package epubcheck; .ci/run installs it)');
  // The quick compiler only and the serial collector start a short run's JVM about three times faster.
  const run = spawnSync(
    'java',
    ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, '--failonwarnings', file],
    {
      encoding: 'utf8',
      timeout: 200_000,
    },
  );
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Runs `act` (a click or key that exports) on the library page and returns the downloaded file: { name, bytes }. */
const exported = (driver, page, act, what) => savedFile(driver, page, act, what, { binary: true, timeout: 120_000 });

export function libraryExportSuite(launch) {
  let driver;
  let server;
  let errors;
  let library;
  /** The unzipped EPUB, served by the test server under /book/ (its chapter opened as a page). */
  const routes = {};

  before(async () => {
    server = await startServer({ routes });
    driver = await launch();
    errors = await watchErrors(driver);
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('saves three articles and selects them on the library page', async () => {
    await saveFixtures(driver, server, ['lighthouse', 'salt', 'bees']);
    library = await driver.openExtensionPage('library.html');
    await waitForCount(library, 3);
    // Nothing chosen: the selection's Export is off.
    assert.equal(
      await library.evaluate(() => document.querySelector('.library-bulk [data-action="export"]').disabled),
      true,
    );
    await library.click('[data-control="select-all"]');
    await waitFor(library, () => !document.querySelector('.library-bulk [data-action="export"]').disabled, undefined, {
      what: 'export enabled',
    });
    assert.deepEqual(await errors.take(), []);
  });

  it('exports the selection as an EPUB that epubcheck passes; its first chapter opens as a page', async () => {
    const listed = await library.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="library-item"] .library-title')].map((a) => a.textContent),
    );
    await library.click('.library-bulk [data-action="export"]');
    await waitFor(library, () => !document.querySelector('.library-bulk .export-options').hidden, undefined, {
      what: 'export menu open',
    });
    assert.deepEqual(await violations(library), [], 'library page with the export menu open');
    await library.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-export-menu.png` });
    const book = await exported(
      driver,
      library,
      () => library.click('.library-bulk [data-action="export-epub"]'),
      'the EPUB',
    );
    assert.match(book.name, /^Lectern — 3 articles — .+\.epub$/);
    assert.match(await waitForToast(library), /Exported: 3/);

    const file = `${ARTIFACTS}/${driver.name}-library-export.epub`;
    writeFileSync(file, book.bytes);
    const { status, output } = epubcheck(file);
    assert.doesNotMatch(output, /^(ERROR|WARNING|FATAL)/m, output);
    assert.match(output, /No errors or warnings detected/, output);
    assert.equal(status, 0, output);

    const files = unzipSync(book.bytes);
    assert.equal(Object.keys(files)[0], 'mimetype');
    const opf = strFromU8(files['EPUB/package.opf']);
    for (const title of TITLES) assert.ok(opf.includes(title) || strFromU8(files['EPUB/nav.xhtml']).includes(title));
    // The lighthouse's picture is in the book, read from the library's kept copy (WebP), as a JPEG or PNG.
    const images = Object.keys(files).filter((name) => name.startsWith('EPUB/images/'));
    assert.equal(images.length, 1, Object.keys(files).join(', '));
    assert.match(opf, /media-type="image\/(jpeg|png)"/);
    for (const name of Object.keys(files).filter((n) => n.endsWith('.xhtml')))
      assert.doesNotMatch(strFromU8(files[name]), /src="(https?|blob|data):/, name);

    // The first chapter (the list's first article) served as the book holds it, and opened as a page.
    const types = { xhtml: 'application/xhtml+xml', css: 'text/css', jpg: 'image/jpeg', png: 'image/png' };
    for (const [name, data] of Object.entries(files)) {
      routes[`/book/${name}`] = () => ({
        headers: { 'content-type': types[name.split('.').pop()] ?? 'application/octet-stream' },
        body: Buffer.from(data),
      });
    }
    const page = await driver.newPage(`${server.base}/book/EPUB/chapter-1.xhtml`);
    const shown = await waitFor(
      page,
      () => {
        const h1 = document.querySelector('h1');
        const img = document.querySelector('img');
        if (!h1 || (img && !(img.complete && img.naturalWidth > 0))) return null;
        return {
          xml: document.contentType,
          broken: document.getElementsByTagName('parsererror').length,
          title: h1.textContent,
          image: img ? img.naturalWidth : 0,
          text: document.body.textContent.length,
        };
      },
      undefined,
      { what: 'the chapter as a page' },
    );
    assert.equal(shown.xml, 'application/xhtml+xml');
    assert.equal(shown.broken, 0);
    assert.equal(shown.title, listed[0]);
    assert.ok(shown.text > 500, `chapter text: ${shown.text} characters`);
    await page.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-export-chapter.png` });
    // The lighthouse chapter, with its picture from inside the book.
    const lighthouse = Object.keys(files).find(
      (name) => name.endsWith('.xhtml') && strFromU8(files[name]).includes(`<h1>${TITLES[0]}</h1>`),
    );
    await page.goto(`${server.base}/book/${lighthouse}`);
    const width = await waitFor(
      page,
      () => {
        const img = document.querySelector('img');
        return img?.complete && img.naturalWidth > 0 ? img.naturalWidth : null;
      },
      undefined,
      { what: 'the picture inside the book' },
    );
    assert.equal(width, 800);
    await page.evaluate(() => document.querySelector('img').scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${ARTIFACTS}/${driver.name}-library-export-chapter-image.png` });
    await page.close();
    assert.deepEqual(await errors.take(), []);
  });

  it('exports the selection as a zip of Markdown files with front matter and their images', async () => {
    await library.bringToFront();
    await library.click('.library-bulk [data-action="export"]');
    const zip = await exported(
      driver,
      library,
      () => library.click('.library-bulk [data-action="export-markdown"]'),
      'the Markdown zip',
    );
    assert.match(zip.name, /^Lectern — 3 articles — .+\.zip$/);
    const files = unzipSync(zip.bytes);
    const notes = Object.keys(files).filter((name) => name.endsWith('.md'));
    assert.equal(notes.length, 3, Object.keys(files).join(', '));
    const titles = [];
    let images = 0;
    for (const name of notes) {
      const text = strFromU8(files[name]);
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      const front = parseYaml(yaml);
      titles.push(front.title);
      assert.match(front.url, /^http:\/\/127\.0\.0\.1:\d+\/articles\/library-/);
      assert.equal(front.state, 'unread');
      assert.ok(!Number.isNaN(Date.parse(front.saved)), front.saved);
      assert.ok(body.includes(`# ${front.title}`));
      for (const [, target] of body.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
        assert.ok(files[target], `${name} links ${target}, which the zip holds`);
        images++;
      }
    }
    assert.deepEqual(titles.sort(), [...TITLES].sort());
    assert.equal(images, 1);
    writeFileSync(`${ARTIFACTS}/${driver.name}-library-export.zip`, zip.bytes);
    assert.deepEqual(await errors.take(), []);
  });

  it("one article's own Export menu, by the keyboard alone", async () => {
    await library.bringToFront();
    await library.focus('[data-lectern="library-item"] [data-action="export"]');
    await library.keyboard.press('Enter');
    await waitFor(library, () => document.activeElement?.getAttribute('aria-expanded') === 'true', undefined, {
      what: 'menu open, focus on its button',
    });
    // Esc closes it and leaves the focus on its button.
    await library.keyboard.press('Escape');
    await waitFor(
      library,
      () => document.activeElement?.dataset.action === 'export' && document.activeElement.ariaExpanded === 'false',
      undefined,
      { what: 'menu closed by Esc' },
    );
    await library.keyboard.press('Enter');
    await library.keyboard.press('Tab');
    const focused = await library.evaluate(() => document.activeElement?.dataset.action);
    assert.equal(focused, 'export-epub');
    const first = await library.evaluate(
      () => document.querySelector('[data-lectern="library-item"] .library-title').textContent,
    );
    const book = await exported(driver, library, () => library.keyboard.press('Enter'), 'one article as EPUB');
    assert.equal(book.name, `${first}.epub`);
    const files = unzipSync(book.bytes);
    const opf = strFromU8(files['EPUB/package.opf']);
    assert.ok(opf.includes(`<dc:title>${first}</dc:title>`), opf);
    assert.equal((opf.match(/<itemref /g) ?? []).length, 1);
    assert.deepEqual(await errors.take(), []);
  });
}
