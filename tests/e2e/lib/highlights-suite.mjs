// Issue #16 end to end, the same in Chromium and Firefox: highlight (popover, toolbar button, keyboard alone, across
// paragraphs), a note, the notes panel, close and reopen (all there), the page changed around the highlights (moved,
// re-attached or listed as orphaned), undo a removal, and the Markdown export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { fileURLToPath } from 'node:url';
import {
  followLink,
  openArticleTab,
  openReaderByCommand,
  readClipboardItems,
  savedFile,
  waitClosed,
  waitFor,
  waitForNextToast,
} from './extension.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';
import { until } from './wait.mjs';

const FIXTURE = readFileSync(fileURLToPath(new URL('../../fixtures/highlights-article.html', import.meta.url)), 'utf8');
/** A long article whose passages are far below the fold; its sidebar repeats one of them (see the fixture). */
const LOGBOOK = readFileSync(fileURLToPath(new URL('../../fixtures/passage-article.html', import.meta.url)), 'utf8');
const PASSAGES = {
  lastLight: 'the lamp was lit for the last time on a windless night in November',
  storm: 'Every storm has a name in the logbook',
};

/**
 * The page's second version: a paragraph added at the top (every position moves), the words before the first
 * highlight rewritten, one word changed inside the third, and the sentence of the second gone.
 */
const EDITED = FIXTURE.replace(
  '<p>\n          Above the reservoir',
  '<p>\n          This story was first published in the spring issue and has been updated with the botanists’ latest survey of the slope.\n        </p>\n        <p>\n          Above the reservoir',
)
  .replace(
    'They have found\n          eleven varieties that grow nowhere else in the province, among them',
    'Their latest survey\n          lists eleven varieties unknown elsewhere in the province, and among them',
  )
  .replace('each branch chosen', 'every branch chosen')
  .replace(
    ' They bring ladders,\n          baskets and children, and they leave the lowest branches for the deer.',
    '',
  );

const QUOTES = {
  popover: 'a small russet apple that the last villagers called the winter keeper',
  keyboard: 'They bring ladders',
  toolbar: 'The trees were grafted by hand, each branch chosen',
  across: 'declared a protected landscape in 1989. Forty trees in five rows',
};
const NOTE = 'Ask the botanists whether the winter keeper is sold anywhere.';

/** The key of an article's first sync item, as the README documents it: `hl.` + FNV-1a (32 bits, base 36) of its address + `.0`. */
function syncKey(url) {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `hl.${h.toString(36)}.0`;
}

/** Everything in the extension's storage.sync. */
const syncContent = (driver) => driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.sync.get(null));

/**
 * Selects, in the reader's article, the text from the start of `from` to the end of `to` (white space compared as
 * single spaces, since the article's text keeps the page's line breaks). Collapsed at the start when `collapse`.
 */
function select(reader, from, to = from, collapse = false) {
  return reader.evaluate(
    ({ from, to, collapse }) => {
      const body = document.querySelector('[data-lectern="article"]');
      const points = [];
      let flat = '';
      const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const space = /\s/.test(node.data[i]);
          if (space && flat.endsWith(' ')) continue;
          flat += space ? ' ' : node.data[i];
          points.push([node, i]);
        }
      }
      const start = flat.indexOf(from);
      const end = flat.indexOf(to, start) + to.length - 1;
      if (start < 0 || end < start) return null;
      const range = document.createRange();
      range.setStart(...points[start]);
      range.setEnd(points[end][0], points[end][1] + 1);
      if (collapse) range.collapse(true);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return window.getSelection().toString();
    },
    { from, to, collapse },
  );
}

/** The highlights on screen: per id, its colour, whether it has a note, and its text (white space squashed). */
function marks(reader) {
  return reader.evaluate(() => {
    const byId = {};
    for (const mark of document.querySelectorAll('[data-lectern="article"] mark[data-lectern="highlight"]')) {
      const id = mark.dataset.highlight;
      byId[id] ??= { color: mark.dataset.color, note: false, pieces: 0, text: '' };
      byId[id].pieces++;
      byId[id].text += ` ${mark.textContent}`;
      byId[id].note ||= mark.hasAttribute('data-note');
    }
    return Object.values(byId).map((h) => ({ ...h, text: h.text.replace(/\s+/g, ' ').trim() }));
  });
}

const markWith = (list, text) => list.find((m) => m.text === text);

/** The notes panel as listed: per item, its quote, note, colour and whether it is orphaned. */
function noteItems(reader) {
  return reader.evaluate(() =>
    [...document.querySelectorAll('[data-lectern="notes"] [data-lectern="note-item"]')].map((li) => ({
      quote: li.querySelector('.note-quote').textContent.replace(/\s+/g, ' ').trim(),
      note: li.querySelector('.note-text')?.textContent ?? '',
      color: li.dataset.color,
      orphaned: li.hasAttribute('data-orphaned'),
    })),
  );
}

/** The exported Markdown file (see savedFile). */
function exportFile(driver, reader) {
  return savedFile(
    driver,
    reader,
    () => reader.click('[data-lectern="notes"] [data-action="export-save"]'),
    'exported file',
  );
}

export function highlightsSuite(launch) {
  let driver;
  let server;
  let version = FIXTURE;
  let url;

  /** Opens the article (as the server now serves it) and its reader, waiting for `count` highlights drawn. */
  async function openReader(count = 0, address = url) {
    const { page } = await openArticleTab(driver, address, '✓');
    const reader = await openReaderByCommand(driver, page);
    await reader.bringToFront();
    await waitFor(reader, () => !!document.querySelector('[data-lectern="article"] p'), undefined, { what: 'article' });
    if (count) {
      await waitFor(
        reader,
        (n) =>
          new Set([...document.querySelectorAll('mark[data-lectern="highlight"]')].map((m) => m.dataset.highlight))
            .size >= n,
        count,
        { what: `${count} highlights drawn` },
      );
    }
    return { page, reader };
  }

  /** Esc closes what is open over the reader (panel, popover), then the reader. */
  async function closeReader(reader) {
    const open = () => document.querySelectorAll('[data-lectern="notes"], [data-lectern="highlight-popover"]').length;
    for (let left = await reader.evaluate(open); left > 0; left--) {
      await reader.keyboard.press('Escape');
      await waitFor(
        reader,
        (n) => document.querySelectorAll('[data-lectern="notes"], [data-lectern="highlight-popover"]').length < n,
        left,
        { what: 'closed over the reader' },
      );
    }
    // The tab may close between keydown and keyup: the press's own error on a closed page is expected (as in suite.mjs).
    await reader.keyboard.press('Escape').catch((error) => {
      if (!/closed|no such frame|detached/i.test(String(error))) throw error;
    });
    await waitClosed(reader);
  }

  before(async () => {
    server = await startServer({
      routes: {
        '/articles/highlights': () => ({ body: version }),
        '/articles/logbook': () => ({ body: LOGBOOK }),
        '/articles/synced': () => ({ body: LOGBOOK }),
      },
    });
    url = `${server.base}/articles/highlights`;
    driver = await launch();
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('highlights by popover, toolbar button, keyboard alone and across paragraphs; a note; all back after reopening', async () => {
    const { page, reader } = await openReader();

    // A selection by pointer shows the popover; a colour makes the highlight, without taking the focus.
    assert.equal(await select(reader, QUOTES.popover), QUOTES.popover);
    await reader.evaluate(() =>
      document
        .querySelector('[data-lectern="article"] p')
        .dispatchEvent(new window.PointerEvent('pointerup', { bubbles: true })),
    );
    await waitFor(reader, () => !!document.querySelector('[data-lectern="highlight-popover"]'), undefined, {
      what: 'selection popover',
    });
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-highlights-popover.png` });
    await reader.click('[data-lectern="highlight-popover"] [data-color="green"]');
    await waitFor(
      reader,
      (q) =>
        [...document.querySelectorAll('mark[data-lectern="highlight"]')].some(
          (m) => m.textContent.replace(/\s+/g, ' ') === q,
        ),
      QUOTES.popover,
      { what: 'green highlight' },
    );

    // A click on the highlight: its note.
    await reader.click('mark[data-lectern="highlight"][data-color="green"]');
    await reader.click('[data-lectern="highlight-popover"] [data-action="note"]');
    await waitFor(reader, () => document.activeElement?.matches('[data-lectern="note-editor"]'), undefined, {
      what: 'note editor focused',
    });
    await reader.keyboard.type(NOTE);
    await reader.click('[data-lectern="highlight-popover"] [data-action="save-note"]');
    await waitFor(reader, () => !!document.querySelector('mark[data-lectern="highlight"][data-note]'), undefined, {
      what: 'note sign',
    });
    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="highlight-popover"]'), undefined, {
      what: 'popover closed',
    });

    // Keyboard alone: the first letter selected (as caret browsing or a double-click leaves it), Shift+→ to extend the
    // selection over the words, L to highlight.
    assert.equal(await select(reader, QUOTES.keyboard, QUOTES.keyboard[0]), QUOTES.keyboard[0]);
    await reader.keyboard.down('Shift');
    for (let i = 1; i < QUOTES.keyboard.length; i++) await reader.keyboard.press('ArrowRight');
    await reader.keyboard.up('Shift');
    const selected = await reader.evaluate(() => window.getSelection().toString());
    assert.equal(selected, QUOTES.keyboard, 'Shift+arrows selected the words');
    await reader.keyboard.press('l');
    await waitFor(reader, () => !!document.activeElement?.closest('[data-lectern="highlight-popover"]'), undefined, {
      what: 'the new highlight’s popover, focused',
    });
    await reader.keyboard.press('Escape');

    // The toolbar button, on a selection.
    await select(reader, QUOTES.toolbar);
    await reader.click('[data-action="highlight"]');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="highlight-popover"]'), undefined, {
      what: 'popover after the toolbar button',
    });
    await reader.keyboard.press('Escape');

    // Across a paragraph and a list item: one highlight, a mark in each.
    await select(reader, 'declared a protected landscape in 1989.', 'Forty trees in five rows');
    await reader.keyboard.press('l');
    await reader.keyboard.press('Escape');

    const drawn = await marks(reader);
    assert.equal(drawn.length, 4, JSON.stringify(drawn));
    assert.deepEqual(markWith(drawn, QUOTES.popover), { color: 'green', note: true, pieces: 1, text: QUOTES.popover });
    assert.equal(markWith(drawn, QUOTES.keyboard)?.color, 'yellow');
    assert.ok(markWith(drawn, QUOTES.toolbar));
    assert.deepEqual(markWith(drawn, QUOTES.across), { color: 'yellow', note: false, pieces: 2, text: QUOTES.across });
    // The article's markup is kept: marks only around text, the list still a list of three items.
    const structure = await reader.evaluate(() => ({
      items: document.querySelectorAll('[data-lectern="article"] ul > li').length,
      markParents: [
        ...new Set(
          [...document.querySelectorAll('mark[data-lectern="highlight"]')].map((m) => m.parentElement.localName),
        ),
      ],
    }));
    assert.equal(structure.items, 3);
    assert.deepEqual(structure.markParents.sort(), ['li', 'p']);

    // The panel (A), in reading order.
    await reader.keyboard.press('a');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 4, undefined, {
      what: 'notes panel',
    });
    const listed = await noteItems(reader);
    assert.deepEqual(
      listed.map((i) => i.quote),
      [QUOTES.popover, QUOTES.toolbar, QUOTES.keyboard, QUOTES.across],
    );
    assert.equal(listed[0].note, NOTE);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-highlights-panel.png` });

    await closeReader(reader);
    await page.close();
    const again = await openReader(4);
    const back = await marks(again.reader);
    assert.deepEqual(
      back.map((m) => [m.text, m.color, m.note]).sort(),
      drawn.map((m) => [m.text, m.color, m.note]).sort(),
      'all there after reopening',
    );
    await again.reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-highlights-reopened.png` });
    await closeReader(again.reader);
    await again.page.close();
  });

  it('the page changed: highlights re-attached where their text still is, the one whose text is gone listed as orphaned', async () => {
    version = EDITED;
    const { page, reader } = await openReader(3);
    const drawn = await marks(reader);
    assert.equal(drawn.length, 3, JSON.stringify(drawn));
    assert.ok(markWith(drawn, QUOTES.popover), 'context rewritten around it: re-attached');
    assert.ok(markWith(drawn, QUOTES.toolbar.replace('each', 'every')), 'a word changed inside it: re-attached');
    assert.ok(markWith(drawn, QUOTES.across), 'across paragraphs, the page moved: re-attached');
    assert.ok(!drawn.some((m) => m.text.includes('ladders')), 'no highlight on other words');

    await reader.keyboard.press('a');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 4, undefined, {
      what: 'notes panel',
    });
    const listed = await noteItems(reader);
    assert.deepEqual(
      listed.map((i) => [i.quote, i.orphaned]),
      [
        [QUOTES.popover, false],
        [QUOTES.toolbar, false],
        [QUOTES.across, false],
        [QUOTES.keyboard, true],
      ],
    );
    await reader.evaluate(() =>
      document.querySelector('[data-lectern="note-item"][data-orphaned]').scrollIntoView({ block: 'end' }),
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-highlights-orphaned.png` });

    // Export: the file, looked at.
    const file = await exportFile(driver, reader);
    writeFileSync(`${ARTIFACTS}/${driver.name}-highlights-export.md`, file.text);
    assert.equal(file.name, 'The orchard that outlived its village — highlights.md');
    const text = file.text;
    assert.match(
      text,
      /^# The orchard that outlived its village\n\nField Journal — <http:\/\/127\.0\.0\.1:\d+\/articles\/highlights>\n\nExported: /,
    );
    for (const quote of [QUOTES.popover, QUOTES.keyboard, QUOTES.across]) assert.ok(text.includes(`> ${quote}`), quote);
    assert.ok(text.includes(`**Note:** ${NOTE}`));
    assert.ok(text.includes('_Green_'));
    assert.ok(text.includes('_Yellow · No longer found in the article_'));

    // Remove one, undo.
    await reader.click('[data-lectern="note-item"]:first-child [data-action="remove-highlight"]');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 3, undefined, {
      what: 'removed',
    });
    assert.match(await waitForNextToast(reader), /Highlight removed/);
    await reader.click('[data-lectern="toast"] [data-action="undo"]');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 4, undefined, {
      what: 'undone',
    });
    assert.equal((await noteItems(reader))[0].note, NOTE, 'back with its note');
    await closeReader(reader);
    await page.close();

    // What was undone is stored again: the reader opened anew has it.
    const again = await openReader(3);
    assert.ok(markWith(await marks(again.reader), QUOTES.popover));
    await closeReader(again.reader);
    await again.page.close();
  });

  const followToPassage = (link, id, shot) => followLink(driver, link, id, `passage-${shot}`);

  it('links to the passage: Q, copy quote and share carry a #:~:text= link that scrolls the original page to it', async () => {
    const logbook = `${server.base}/articles/logbook`;
    // The passage is far below the fold of the original page: a link without the directive would open at its top.
    const start = await driver.newPage(logbook);
    assert.ok(
      await start.evaluate(
        () => document.getElementById('last-light').getBoundingClientRect().top > 3 * window.innerHeight,
      ),
      'the passage starts well below the first screen',
    );
    await start.close();

    const { page, reader } = await openReader(0, logbook);

    // Q on a selection: the quote, its source and the link to the passage.
    assert.equal(await select(reader, PASSAGES.lastLight), PASSAGES.lastLight);
    await reader.keyboard.press('q');
    assert.match(await waitForNextToast(reader), /Quote copied/);
    const quoted = (await readClipboardItems(reader)).text;
    const [, link] = quoted.match(/\n(\S+)$/) ?? [];
    assert.ok(quoted.startsWith(`“${PASSAGES.lastLight}”\n— The lighthouse logbook — Coast Review\n`), quoted);
    assert.ok(link.startsWith(`${logbook}#:~:text=`), link);
    assert.ok(decodeURIComponent(link).includes('the lamp was lit'), link);
    const followed = await followToPassage(link, 'last-light', 'quote-key');
    assert.ok(followed.scrollY > 0, JSON.stringify(followed));

    // A highlight's copy quote: its words stand in the original page's sidebar too, so its link carries context.
    assert.equal(await select(reader, PASSAGES.storm), PASSAGES.storm);
    await reader.evaluate(() =>
      document
        .querySelector('[data-lectern="article"] p')
        .dispatchEvent(new window.PointerEvent('pointerup', { bubbles: true })),
    );
    await waitFor(reader, () => !!document.querySelector('[data-lectern="highlight-popover"]'), undefined, {
      what: 'selection popover',
    });
    await reader.click('[data-lectern="highlight-popover"] [data-color="blue"]');
    await waitFor(
      reader,
      () => !!document.querySelector('mark[data-lectern="highlight"][data-color="blue"]'),
      undefined,
      {
        what: 'blue highlight',
      },
    );
    await reader.click('mark[data-lectern="highlight"][data-color="blue"]');
    await reader.click('[data-lectern="highlight-popover"] [data-action="copy-quote"]');
    assert.match(await waitForNextToast(reader), /Quote copied/);
    const stormQuote = (await readClipboardItems(reader)).text;
    const stormLink = stormQuote.split('\n').at(-1);
    assert.ok(stormLink.startsWith(`${logbook}#:~:text=`), stormLink);
    assert.match(stormLink, /#:~:text=(.+-,)?Every%20storm%20has%20a%20name%20in%20the%20logbook(,-.+)?$/i);
    assert.ok(/-,|,-/.test(stormLink), `context makes it unique on the original page: ${stormLink}`);
    await followToPassage(stormLink, 'storm-names', 'highlight-quote');

    // Share from the highlight: the share targets carry the same link to the passage.
    await reader.click('mark[data-lectern="highlight"][data-color="blue"]');
    await reader.click('[data-lectern="highlight-popover"] [data-action="share-quote"]');
    const shared = await waitFor(
      reader,
      () => {
        const targets = [...document.querySelectorAll('[data-lectern="highlight-share"] a[data-share]')];
        return targets.length ? targets.map((a) => a.href) : null;
      },
      undefined,
      { what: 'share targets in the popover' },
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-passage-share.png` });
    for (const href of shared) assert.ok(decodeURIComponent(href).includes(stormLink), href);
    await reader.keyboard.press('Escape');

    // The toolbar's copy menu: a quote as Markdown carries the link to the passage too.
    assert.equal(await select(reader, PASSAGES.lastLight), PASSAGES.lastLight);
    await reader.click('[data-action="copy-menu"]');
    await reader.click('[data-lectern="copy-menu"] [data-copy="quote-markdown"]');
    assert.match(await waitForNextToast(reader), /Quote copied/);
    const markdown = (await readClipboardItems(reader)).text;
    const [, menuLink] = markdown.match(/\]\((http[^)\s]+)\)/) ?? [];
    assert.ok(menuLink?.startsWith(`${logbook}#:~:text=`), markdown);
    await followToPassage(menuLink, 'last-light', 'copy-menu');
    await closeReader(reader);
    await page.close();
  });

  it('sync: a highlight another browser put in storage.sync shows when the reader opens; a new one lands there; a full storage says so', async () => {
    const synced = `${server.base}/articles/synced`;
    const exact = 'the sea was so calm it held the reflection of every star';
    const at = Date.now() - 60_000;
    // "Another device" wrote this article's item (its format is documented in the README).
    await driver.ext(({ key, item }) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ [key]: item }), {
      key: syncKey(synced),
      item: {
        v: 1,
        u: synced,
        e: [
          {
            i: 'from-the-laptop',
            c: 'pink',
            n: 'Written on the laptop',
            // The exact text with 32 characters of context each side, as Lectern keeps it; the position a mere hint.
            q: [exact, 'ess night in November, and that ', '. His daughter complained of the'],
            p: [0, exact.length],
            a: at,
            t: at,
          },
        ],
      },
    });
    const { page, reader } = await openReader(1, synced);
    const drawn = await marks(reader);
    assert.deepEqual(drawn, [{ color: 'pink', note: true, pieces: 1, text: exact }]);

    // A highlight made here goes to storage.sync, beside the other device's.
    await select(reader, PASSAGES.lastLight);
    await reader.keyboard.press('l');
    await reader.keyboard.press('Escape');
    const item = await until(
      async () => {
        const found = (await syncContent(driver))[syncKey(synced)];
        return found?.e?.length === 2 ? found : null;
      },
      { what: 'the new highlight in storage.sync' },
    );
    assert.deepEqual(item.e.map((e) => e.q[0]).sort(), [PASSAGES.lastLight, exact].sort());
    assert.equal(item.u, synced);

    // storage.sync nearly full (other data): a long note can't go there. The panel says so; the note stays here.
    await driver.ext(
      (items) => (globalThis.browser ?? globalThis.chrome).storage.sync.set(items),
      // 12 items of ~8.16 kB: about 98 kB of the 100 kB storage.sync allows, so a 4,000-character note can't fit.
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`filler${i}`, 'x'.repeat(8150)])),
    );
    await reader.keyboard.press('a');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="note-item"]').length === 2, undefined, {
      what: 'notes panel',
    });
    assert.equal(await reader.evaluate(() => document.querySelector('[data-lectern="sync-state"]')), null);
    await reader.click('[data-lectern="note-item"]:last-child [data-action="edit-note"]');
    await reader.evaluate((long) => {
      const editor = document.querySelector('[data-lectern="notes"] textarea');
      editor.value = long;
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'A long note that will not fit. '.repeat(150));
    await reader.click('[data-lectern="notes"] [data-action="save-note"]');
    const state = await waitFor(
      reader,
      () => document.querySelector('[data-lectern="sync-state"]')?.textContent,
      undefined,
      { what: 'the panel saying sync is full' },
    );
    assert.match(state, /sync storage is full/);
    await reader.evaluate(() =>
      document.querySelector('[data-lectern="sync-state"]').scrollIntoView({ block: 'nearest' }),
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-highlights-sync-full.png` });
    // The settings page says so too, naming the article.
    const options = await driver.openExtensionPage('options.html');
    const optionsState = await waitFor(
      options,
      () => {
        const line = document.querySelector('[data-lectern="sync-status"]');
        return line?.dataset.state === 'full' ? line.textContent : null;
      },
      undefined,
      { what: 'the settings page saying sync is full' },
    );
    assert.match(optionsState, /sync storage is full/);
    assert.ok(optionsState.includes(synced), optionsState);
    await options.evaluate(() => document.querySelector('[data-lectern="sync-section"]').scrollIntoView());
    await options.screenshot({ path: `${ARTIFACTS}/${driver.name}-options-sync-full.png` });
    await options.close();
    await closeReader(reader);
    await page.close();

    // Nothing lost: the note is kept here (IndexedDB), reopened.
    const again = await openReader(2, synced);
    await again.reader.keyboard.press('a');
    await waitFor(
      again.reader,
      () =>
        [...document.querySelectorAll('[data-lectern="note-item"] .note-text')].some((n) =>
          n.textContent.startsWith('A long note that will not fit.'),
        ),
      undefined,
      { what: 'the long note kept' },
    );

    // Export of every article's highlights (this profile has highlighted three): one Markdown file, one JSON file.
    const md = await savedFile(
      driver,
      again.reader,
      () => again.reader.click('[data-lectern="notes"] [data-action="export-all-markdown"]'),
      'all highlights, Markdown',
    );
    writeFileSync(`${ARTIFACTS}/${driver.name}-highlights-all.md`, md.text);
    assert.match(md.name, /^Lectern highlights \d{4}-\d{2}-\d{2}\.md$/);
    assert.match(md.text, /^# Lectern highlights\n\nExported: /);
    for (const title of ['The lighthouse logbook', 'The orchard that outlived its village'])
      assert.ok(md.text.includes(`\n## ${title}\n`), title);
    for (const quote of [exact, PASSAGES.lastLight, PASSAGES.storm, QUOTES.popover])
      assert.ok(md.text.includes(`> ${quote}`), quote);
    assert.ok(md.text.includes(`**Note:** ${NOTE}`));
    // Each quote links to its passage (made from the kept quote and the words around it): followed, the original
    // page opens scrolled to it.
    // (The last-light quote was highlighted on the synced copy of the logbook, another address of the same page.)
    const syncedSection = md.text.slice(md.text.indexOf(`<${synced}>`));
    const [, passage] =
      syncedSection.match(new RegExp(`> ${PASSAGES.lastLight}\\n\\n_[^\\n]*\\[at the passage\\]\\(<([^>]+)>\\)`)) ?? [];
    assert.ok(passage?.startsWith(`${synced}#:~:text=`), md.text);
    await followToPassage(passage, 'last-light', 'export-link');
    const json = await savedFile(
      driver,
      again.reader,
      () => again.reader.click('[data-lectern="notes"] [data-action="export-all-json"]'),
      'all highlights, JSON',
    );
    writeFileSync(`${ARTIFACTS}/${driver.name}-highlights-all.json`, json.text);
    assert.match(json.name, /^Lectern highlights \d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json.text);
    assert.equal(data.format, 'lectern-highlights');
    assert.deepEqual(data.articles.map((a) => a.url).sort(), [url, `${server.base}/articles/logbook`, synced].sort());
    const laptop = data.articles.find((a) => a.url === synced).highlights.find((h) => h.id === 'from-the-laptop');
    // Its note, the long one written here (kept on this device though storage.sync was full).
    assert.ok(laptop.note.startsWith('A long note that will not fit.'), laptop.note.slice(0, 40));
    assert.equal(laptop.quote.exact, exact);

    await driver.ext(
      (keys) => (globalThis.browser ?? globalThis.chrome).storage.sync.remove(keys),
      Array.from({ length: 12 }, (_, i) => `filler${i}`),
    );
    await closeReader(again.reader);
    await again.page.close();
  });

  /** The reader printed (PDF, first page rasterized): how many pixels have a highlight colour, and the text. */
  async function printed(reader, name) {
    const file = `${ARTIFACTS}/${driver.name}-highlights-print-${name}.pdf`;
    writeFileSync(file, await reader.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      file.replace(/\.pdf$/, ''),
    ]);
    const { data } = PNG.sync.read(readFileSync(file.replace(/\.pdf$/, '.png')));
    // The print colours of the yellow and green highlights (style.css, @media print).
    const colours = [
      [0xfd, 0xe6, 0x8a],
      [0xbb, 0xf0, 0xc9],
    ];
    let marked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        colours.some(([r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24)
      )
        marked++;
    }
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    return { marked, text };
  }

  it('print: highlights print in their colours, or not at all when the setting is off', async () => {
    version = FIXTURE;
    const { page, reader } = await openReader(3);
    const withMarks = await printed(reader, 'on');
    assert.ok(withMarks.marked > 200, `highlight colours on paper: ${withMarks.marked} pixels`);
    assert.ok(withMarks.text.includes(QUOTES.popover), 'the highlighted text prints');

    // The setting, from the text panel (T): off.
    await reader.keyboard.press('t');
    await reader.click('[data-setting="print-highlights"]');
    await waitFor(reader, () => document.documentElement.dataset.highlights === 'screen-only', undefined, {
      what: 'highlights screen-only on <html>',
    });
    const without = await printed(reader, 'off');
    assert.equal(without.marked, 0, 'no highlight colour on paper');
    assert.ok(without.text.includes(QUOTES.popover), 'the text still prints');
    // On screen they still show.
    assert.ok((await marks(reader)).length >= 3);
    await reader.click('[data-setting="print-highlights"]');
    await waitFor(reader, () => document.documentElement.dataset.highlights === 'print', undefined, {
      what: 'print-highlights back on',
    });
    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="reader"][data-panel]'), undefined, {
      what: 'text panel closed',
    });
    await closeReader(reader);
    await page.close();
  });
}
