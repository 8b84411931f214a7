// Issue #15 end to end, the same in Chromium and Firefox: the lead image, right-to-left headers, footnotes that stay in
// the reader (popover, back-links, print) and the saved Markdown (tables, math, clean source).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { openArticleTab, openReaderByCommand, tabUrls, waitFor } from './extension.mjs';
import { saveWithKey } from './reading-suite.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';

const multipage = (name) => readFileSync(new URL(`../../fixtures/multipage/${name}`, import.meta.url), 'utf8');
/** A member's cookie, set by the article's first page: the pages after it answer only with it (403 without). */
const COOKIE = 'lectern-member=yes';
const MULTIPAGE_ROUTES = {
  '/multipage/harbour': () => ({
    headers: { 'set-cookie': `${COOKIE}; Path=/; SameSite=Lax` },
    body: multipage('harbour-1.html'),
  }),
  ...Object.fromEntries(
    [2, 3].map((n) => [
      `/multipage/harbour/${n}`,
      ({ headers }) =>
        (headers.cookie ?? '').includes(COOKIE)
          ? { body: multipage(`harbour-${n}.html`) }
          : { status: 403, body: 'members only' },
    ]),
  ),
};

/**
 * A news page as some sites send it: megabytes of script (bundles, the app's state) and inline CSS around a short
 * article whose author and date are only in its JSON-LD. Its script counts its own runs on the page.
 */
const HEAVY_PAGE = (() => {
  const words = 'the tide turned at the quay while the market opened and boats came home'.split(' ');
  const paragraph = (n) => `<p>${Array.from({ length: 60 }, (_, i) => words[(i + n) % words.length]).join(' ')}.</p>`;
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Night tide at the old quay',
    author: { '@type': 'Person', name: 'Mara Quell' },
    datePublished: '2026-03-14T08:00:00Z',
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night tide at the old quay</title>` +
    `<style>${'.x-rule-' + Array.from({ length: 30_000 }, (_, i) => `${i}{color:#${(i % 4096).toString(16).padStart(3, '0')}}`).join(' .x-rule-')}</style>` +
    `<script type="application/ld+json">${ld}</script>` +
    `<script>document.documentElement.dataset.runs = String(Number(document.documentElement.dataset.runs || 0) + 1);` +
    `window.__STATE__ = ${JSON.stringify({ blob: 'state '.repeat(150_000) })};</script>` +
    `</head><body><main><article><h1>Night tide at the old quay</h1>` +
    Array.from({ length: 8 }, (_, n) => paragraph(n)).join('') +
    `</article></main></body></html>`
  );
})();

/** A long read of 4,000 sections (1.3 MB of markup): long enough for the reader to show its opening first. */
const CROSSING_WORDS = 'the ferry crossed the bay at dawn and the harbour lights went out one by one'.split(' ');
const crossing = (n) =>
  `${Array.from({ length: 16 }, (_, i) => CROSSING_WORDS[(i + n) % CROSSING_WORDS.length]).join(' ')}.`;
const LONG_READ =
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A year of crossings</title></head><body>` +
  `<nav>${Array.from({ length: 40 }, (_, i) => `<a href="/s/${i}">Section ${i}</a>`).join(' ')}</nav>` +
  `<main><article><h1>A year of crossings</h1>` +
  Array.from(
    { length: 4_000 },
    (_, n) =>
      `<section><h2>Crossing ${n + 1}</h2><p>${crossing(n)} ${crossing(n + 1)}</p><p>${crossing(n + 2)}</p></section>` +
      // A lazy picture far down, its real address only in a <noscript> fallback (the markup is parsed in steps).
      (n === 2_500
        ? '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The ferry">' +
          '<noscript><img src="/img/ferry.jpg" alt="The ferry"></noscript></figure>'
        : ''),
  ).join('\n') +
  `</article></main></body></html>`;

/** The joined article as the reader shows it: the note, the text, and where each page's opening sentence stands. */
function joinedState(reader) {
  return reader.evaluate(() => {
    const note = document.querySelector('[data-lectern="pages"]');
    const body = document.querySelector('[data-lectern="article"]');
    return {
      note: note?.querySelector('.pages-joined')?.textContent ?? null,
      failed: [...(note?.querySelectorAll('.pages-failed a') ?? [])].map((a) => ({
        text: a.textContent,
        href: a.getAttribute('href'),
      })),
      text: body?.textContent.replace(/\s+/g, ' ') ?? '',
      links: [...(body?.querySelectorAll('a') ?? [])].map((a) => a.textContent.trim()),
      noteAboveText: note && body ? note.getBoundingClientRect().bottom <= body.getBoundingClientRect().top : null,
    };
  });
}

/** How often `path` was asked for. */
const asked = (server, path) => server.requests.filter((p) => p === path).length;
import { after, before, closeAll, it } from './deadlines.mjs';

/** Opens the fixture `name` (served as /articles/<name>, plus `query`) and its reader; returns the reader page. */
function readerFor(driver, server, name, query = '') {
  return readerAt(driver, `${server.base}/articles/${name}${query}`);
}

/** Opens `url` and its reader; returns the reader page. */
async function readerAt(driver, url) {
  const { page } = await openArticleTab(driver, url, '✓');
  const reader = await openReaderByCommand(driver, page);
  await reader.bringToFront();
  return reader;
}

/** The footnote popover as the page shows it: its label, text, whether it has the focus, and the mark's state. */
function popoverState(reader) {
  return reader.evaluate(() => {
    const popover = document.querySelector('[data-lectern="footnote"]');
    const mark = document.querySelector('[data-lectern="article"] a[href$="fn1"]');
    return {
      open: !!popover,
      label: popover?.getAttribute('aria-label') ?? null,
      text: popover?.textContent.replace(/\s+/g, ' ').trim() ?? null,
      focused: !!popover && popover.contains(document.activeElement),
      markFocused: document.activeElement === mark,
      expanded: mark?.getAttribute('aria-expanded') ?? null,
      controls: mark?.getAttribute('aria-controls') ?? null,
      popoverId: popover?.id ?? null,
      below: popover ? popover.getBoundingClientRect().top >= mark.getBoundingClientRect().bottom : null,
      address: location.href,
    };
  });
}

/**
 * The header and footer as drawn: the title, every heading, the article's direction, each part of the meta line (its
 * element, dir attribute, computed isolation and direction, text, box, and whether its first letter is drawn left of
 * its last), and the footer's label and site name.
 */
function bidiState(reader) {
  return reader.evaluate(() => {
    const firstLeftOfLast = (el) => {
      const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      const nodes = [];
      while (walker.nextNode()) if (walker.currentNode.data.trim()) nodes.push(walker.currentNode);
      const box = (node, i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      const first = nodes[0];
      const last = nodes[nodes.length - 1];
      return box(first, first.data.search(/\S/)).left < box(last, last.data.trimEnd().length - 1).left;
    };
    const part = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        tag: el.localName,
        dirAttr: el.getAttribute('dir'),
        isolated: style.unicodeBidi,
        direction: style.direction,
        text: el.textContent,
        left: r.left,
        right: r.right,
        firstLeftOfLast: firstLeftOfLast(el),
      };
    };
    const meta = document.querySelector('.article-meta');
    const time = meta.querySelector('.reading-time');
    const footer = document.querySelector('[data-lectern="article-footer"]');
    return {
      title: document.querySelector('[data-lectern="title"]').textContent.trim(),
      headings: [...document.querySelectorAll('main h1, main h2, main h3')].map((h) => h.textContent.trim()),
      dir: document.querySelector('main article').getAttribute('dir'),
      parts: [...meta.children].map(part),
      readingTime: time.textContent,
      firstLeftOfLast: firstLeftOfLast(time),
      footer: {
        text: footer.textContent,
        dirAttr: footer.getAttribute('dir'),
        direction: getComputedStyle(footer).direction,
        label: part(footer.querySelector('.label')),
        site: part(footer.querySelector('.site')),
      },
    };
  });
}

/** Each part of the meta line is its own isolate, its direction from its own text. */
function assertIsolated(header) {
  for (const p of header.parts) {
    assert.equal(p.tag, 'bdi', p.text);
    assert.equal(p.dirAttr, 'auto', p.text);
    assert.equal(p.isolated, 'isolate', p.text);
  }
}

/** The parts drawn one after the other in the line's direction: each right of the next (rtl) or left of it (ltr). */
function assertFlow(parts, dir) {
  for (let i = 1; i < parts.length; i++) {
    const [a, b] = [parts[i - 1], parts[i]];
    if (dir === 'rtl') assert.ok(a.left >= b.right - 1, `${a.text} before ${b.text}, right to left`);
    else assert.ok(a.right <= b.left + 1, `${a.text} before ${b.text}, left to right`);
  }
}

/** The footer reads in the interface's direction: "Original page: <site>", the label then the isolated name. */
function assertFooter(footer, site) {
  assert.equal(footer.text, `Original page: ${site}`);
  assert.equal(footer.dirAttr, 'auto');
  assert.equal(footer.direction, 'ltr', 'the interface’s (English) direction');
  assert.equal(footer.label.isolated, 'isolate');
  assert.equal(footer.site.tag, 'bdi');
  assert.equal(footer.site.dirAttr, 'auto');
  assert.equal(footer.site.isolated, 'isolate');
  assert.ok(footer.label.right <= footer.site.left, 'the label, then the site’s name');
  assert.ok(footer.label.firstLeftOfLast, 'the label in its own order');
}

export function fidelitySuite(launch) {
  let driver;
  let server;

  before(async () => {
    server = await startServer({
      routes: {
        ...MULTIPAGE_ROUTES,
        '/heavy/night-tide': () => ({ body: HEAVY_PAGE }),
        '/long/crossings': () => ({ body: LONG_READ }),
      },
    });
    driver = await launch();
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('shows the declared lead image, with its alt text, above an article without pictures; hidden with images off', async () => {
    const reader = await readerFor(driver, server, 'lead-image');
    const lead = await waitFor(
      reader,
      () => {
        const img = document.querySelector('[data-lectern="lead-image"] img');
        return img?.complete && img.naturalWidth > 0
          ? {
              src: img.getAttribute('src'),
              alt: img.getAttribute('alt'),
              images: document.querySelectorAll('main img').length,
              aboveText:
                img.getBoundingClientRect().bottom <=
                document.querySelector('[data-lectern="article"] p').getBoundingClientRect().top,
              height: img.getBoundingClientRect().height,
            }
          : null;
      },
      undefined,
      { what: 'lead image loaded' },
    );
    assert.equal(lead.src, `${server.base}/images/dock.png`);
    assert.equal(lead.alt, 'Two cranes over the dock at low tide');
    assert.equal(lead.images, 1, 'the image once');
    assert.ok(lead.aboveText && lead.height > 50, JSON.stringify(lead));
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-lead-image.png` });

    await reader.evaluate(() => document.activeElement?.blur());
    await reader.keyboard.press('t');
    await waitFor(reader, () => !!document.querySelector('[data-setting="images"]'), undefined, { what: 'panel' });
    await reader.click('[data-setting="images"]');
    await waitFor(
      reader,
      () => getComputedStyle(document.querySelector('[data-lectern="lead-image"]')).display === 'none',
      undefined,
      { what: 'lead image hidden' },
    );
    await reader.click('[data-setting="images"]');
    await waitFor(
      reader,
      () => getComputedStyle(document.querySelector('[data-lectern="lead-image"]')).display !== 'none',
      undefined,
      { what: 'lead image shown again' },
    );
    await reader.close();
  });

  it('a page of megabytes of script and CSS: the article, with the author and date only its JSON-LD gives; the page untouched', async () => {
    const url = `${server.base}/heavy/night-tide`;
    const { page } = await openArticleTab(driver, url, '✓');
    const before = await page.evaluate(() => ({
      runs: document.documentElement.dataset.runs,
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      bytes: document.documentElement.outerHTML.length,
    }));
    assert.ok(before.bytes > 1_500_000, `a heavy page: ${before.bytes} characters`);
    const reader = await openReaderByCommand(driver, page);
    const shown = await waitFor(
      reader,
      () => {
        const body = document.querySelector('[data-lectern="article"]');
        return body
          ? {
              paragraphs: body.querySelectorAll('p').length,
              title: document.querySelector('h1')?.textContent,
              byline: document.querySelector('.article-meta .byline')?.textContent ?? null,
              published: document.querySelector('.article-meta time')?.getAttribute('datetime') ?? null,
              scriptText: body.textContent.includes('state state'),
            }
          : null;
      },
      undefined,
      { what: 'the article in the reader' },
    );
    assert.deepEqual(shown, {
      paragraphs: 8,
      title: 'Night tide at the old quay',
      byline: 'Mara Quell',
      published: '2026-03-14T08:00:00.000Z',
      scriptText: false,
    });
    // The page's own script ran once, and its scripts and styles are all still there.
    assert.deepEqual(
      await page.evaluate(() => ({
        runs: document.documentElement.dataset.runs,
        scripts: document.scripts.length,
        styles: document.querySelectorAll('style').length,
        bytes: document.documentElement.outerHTML.length,
      })),
      before,
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-heavy-page.png` });
    await reader.close();
    await page.close();
  });

  it('a very long article: its opening is on screen before the whole is extracted, then the whole replaces it', async () => {
    const { page } = await openArticleTab(driver, `${server.base}/long/crossings`, '✓');
    const reader = await openReaderByCommand(driver, page);
    const marks = await waitFor(
      reader,
      () => {
        const at = (name) => performance.getEntriesByName(`lectern:${name}`)[0];
        const body = document.querySelector('[data-lectern="article"]');
        return at('painted') && body
          ? {
              first: at('first-screen').startTime,
              shown: at('first-screen').detail.text,
              source: at('first-screen').detail.source,
              extracted: at('extracted').startTime,
              sections: body.querySelectorAll('h2').length,
              inOrder: Array.from(body.querySelectorAll('h2')).every((h, i) => h.textContent === `Crossing ${i + 1}`),
              // Read a part at a time (utils/extract/parts.ts): each part in a box of its own.
              parts: body.querySelectorAll(':scope > [data-part]').length,
              images: Array.from(body.querySelectorAll('img'), (img) => img.getAttribute('src')),
              last: body.lastElementChild?.textContent.includes('Crossing 4000'),
              preview: document.querySelectorAll('[data-lectern="first-screen"]').length,
              title: document.querySelector('h1')?.textContent,
            }
          : null;
      },
      undefined,
      { what: 'the whole article, after its opening' },
    );
    assert.ok(marks.first < marks.extracted, `first screen ${marks.first} ms, extracted ${marks.extracted} ms`);
    // It came from the page's opening.js, ahead of the page's whole markup.
    assert.equal(marks.source, 'opening');
    // What the first screen showed: the title, then the article's first sections, not the menu above it.
    assert.match(marks.shown, /^A year of crossings /);
    for (const n of [1, 2, 3]) {
      const section = `Crossing ${n} ${crossing(n - 1)} ${crossing(n)} ${crossing(n + 1)}`;
      assert.ok(marks.shown.includes(section), `${marks.shown} has ${section}`);
    }
    assert.doesNotMatch(marks.shown, /Section \d/);
    assert.deepEqual(
      {
        sections: marks.sections,
        inOrder: marks.inOrder,
        last: marks.last,
        preview: marks.preview,
        title: marks.title,
      },
      { sections: 4_000, inOrder: true, last: true, preview: 0, title: 'A year of crossings' },
    );
    assert.ok(marks.parts > 1, `${marks.parts} parts`);
    assert.deepEqual(marks.images, [`${server.base}/img/ferry.jpg`]);
    // A jump far down the contents lands on its heading, though the boxes around it are laid out only once on screen.
    await driver.setViewport(reader, 1100, 800);
    await waitFor(reader, () => window.innerWidth === 1100, undefined, { what: '1100 px' });
    await reader.evaluate(() => document.activeElement?.blur());
    await reader.keyboard.press('o');
    await waitFor(reader, () => document.querySelectorAll('[data-lectern="toc"] a').length === 4_000, undefined, {
      what: 'the contents of 4,000 sections',
    });
    await reader.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="toc"] a')].find((a) => a.textContent === 'Crossing 3000').click(),
    );
    const landed = await waitFor(
      reader,
      () => {
        const heading = document.activeElement;
        if (heading?.textContent !== 'Crossing 3000') return null;
        const top = heading.getBoundingClientRect().top;
        // Where it stands once it has stood still for a good while (half a second of frames).
        const w = window;
        if (w.__landed?.top !== top) w.__landed = { top, since: performance.now() };
        if (performance.now() - w.__landed.since < 500) return null;
        return { top, toolbar: document.querySelector('[data-lectern="toolbar"]').getBoundingClientRect().bottom };
      },
      undefined,
      { what: 'Crossing 3000 at rest' },
    );
    assert.ok(
      landed.top >= landed.toolbar && landed.top < landed.toolbar + 60,
      `the heading stands at ${landed.top} px, under the toolbar's ${landed.toolbar} px`,
    );
    // The contents follow: the section now being read is marked, and the panel's list shows it, three thousand entries
    // down; reopened, the focus is on it, in view.
    const markedInView = (focused) => {
      const panel = document.querySelector('[data-lectern="toc"]');
      const marked = panel?.querySelector('a[aria-current]');
      if (marked?.textContent !== 'Crossing 3000' || (focused && marked !== document.activeElement)) return false;
      const box = marked.getBoundingClientRect();
      const view = panel.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    };
    await waitFor(reader, markedInView, false, { what: 'Crossing 3000 marked in the contents, in view' });
    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="toc"]'), undefined, { what: 'closed' });
    await reader.keyboard.press('o');
    await waitFor(reader, markedInView, true, { what: 'the focus on the marked entry, in view' });
    await reader.close();
    await page.close();
  });

  it('an ordinary article has no separate opening: its first screen is the article itself', async () => {
    const reader = await readerFor(driver, server, 'lead-image');
    const marks = await waitFor(
      reader,
      () => {
        const at = (name) => performance.getEntriesByName(`lectern:${name}`)[0];
        return at('painted')
          ? {
              first: at('first-screen').startTime,
              extracted: at('extracted').startTime,
              text: at('first-screen').detail.text,
              source: at('first-screen').detail.source,
            }
          : null;
      },
      undefined,
      { what: 'the article painted' },
    );
    assert.ok(marks.first > marks.extracted, JSON.stringify(marks));
    assert.equal(marks.source, 'article');
    assert.ok(marks.text.length > 100, marks.text);
    await reader.close();
  });

  it('right-to-left: the title once, and the meta line in reading order, each part isolated', async () => {
    const reader = await readerFor(driver, server, 'rtl-arabic');
    const header = await bidiState(reader);
    assert.equal(header.title, 'افتتاح حديقة جديدة على ضفة النهر');
    assert.deepEqual(header.headings, [header.title], 'the title shown once');
    assert.equal(header.dir, 'rtl');
    assert.deepEqual(
      header.parts.map((p) => p.text),
      ['سارة منصور', 'أخبار المدينة', header.parts[2].text, '1 min read'],
    );
    assertIsolated(header);
    assertFlow(header.parts, 'rtl');
    assert.equal(header.readingTime, '1 min read');
    assert.ok(header.firstLeftOfLast, '"1 min read" drawn in its own (left-to-right) order');
    assertFooter(header.footer, 'أخبار المدينة');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-rtl.png` });
    await reader.close();
  });

  it('right-to-left: a Hebrew article with an English site name, in order in the meta line and the footer', async () => {
    const reader = await readerFor(driver, server, 'rtl-hebrew');
    const header = await bidiState(reader);
    assert.equal(header.title, 'הספרייה העירונית נפתחת מחדש אחרי השיפוץ');
    assert.deepEqual(header.headings, [header.title], 'the title shown once');
    assert.equal(header.dir, 'rtl');
    assert.deepEqual(
      header.parts.map((p) => p.text),
      ['נועה לוי', 'Valley Herald', header.parts[2].text, '1 min read'],
    );
    assertIsolated(header);
    assertFlow(header.parts, 'rtl');
    // The English name is drawn in its own order: "Valley" left of "Herald".
    assert.ok(header.parts[1].firstLeftOfLast, '"Valley Herald" left to right');
    assertFooter(header.footer, 'Valley Herald');
    await reader.evaluate(() => document.querySelector('[data-lectern="article-footer"]').scrollIntoView());
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-rtl-hebrew-footer.png` });
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-rtl-hebrew.png` });
    await reader.close();
  });

  it('left-to-right: an Arabic author’s name in an English article stays whole and in its place', async () => {
    const reader = await readerFor(driver, server, 'ltr-rtl-author');
    const header = await bidiState(reader);
    assert.deepEqual(header.headings, ['A night train returns to the mountain line'], 'the title shown once');
    assert.equal(header.dir, 'ltr');
    assert.deepEqual(
      header.parts.map((p) => p.text),
      ['ليلى حداد', 'Rail Notes', header.parts[2].text, '1 min read'],
    );
    assertIsolated(header);
    assertFlow(header.parts, 'ltr');
    // The name, isolated, is drawn right to left inside its own box: its first letter right of its last.
    assert.equal(header.parts[0].direction, 'rtl');
    assert.ok(!header.parts[0].firstLeftOfLast, 'the name drawn right to left');
    assertFooter(header.footer, 'Rail Notes');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-ltr-rtl-author.png` });
    await reader.close();
  });

  it('footnotes: a mark opens its note in a popover, Esc closes it (not the reader), a back-link returns, all in the reader', async () => {
    const reader = await readerFor(driver, server, 'footnotes-article');
    const tabsBefore = (await tabUrls(driver)).length;
    await reader.click('[data-lectern="article"] a[href$="fn1"]');
    const shown = await waitFor(
      reader,
      () => !!document.querySelector('[data-lectern="footnote"]')?.contains(document.activeElement),
      undefined,
      { what: 'footnote popover with the focus' },
    ).then(() => popoverState(reader));
    assert.equal(shown.label, 'Note 1');
    assert.match(shown.text, /The first notebook, with a green cover, is kept in the school library\./);
    assert.ok(!shown.text.includes('↩'), 'no back-link in the popover');
    assert.equal(shown.expanded, 'true');
    assert.equal(shown.controls, shown.popoverId);
    assert.ok(shown.below, 'the note shows under its mark');
    assert.ok(!shown.address.includes('#'), 'the reader stays where it is');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-footnote.png` });

    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="footnote"]'), undefined, {
      what: 'popover closed',
    });
    const closed = await popoverState(reader);
    assert.equal(closed.expanded, 'false');
    assert.ok(closed.markFocused, 'the focus is back on the mark');
    assert.ok(await reader.evaluate(() => !!document.querySelector('[data-lectern="reader"]')), 'the reader is open');

    // By keyboard: Enter on the focused mark opens it again; Esc again closes.
    await reader.keyboard.press('Enter');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="footnote"]'), undefined, {
      what: 'popover by Enter',
    });
    await reader.keyboard.press('Escape');
    await waitFor(reader, () => !document.querySelector('[data-lectern="footnote"]'), undefined, {
      what: 'popover closed again',
    });

    // The note's own ↩ at the end of the article brings the focus back to its mark, in the reader.
    await reader.evaluate(() =>
      document.querySelector('[data-lectern="article"] li a[href$="fnref1"]').scrollIntoView(),
    );
    await reader.click('[data-lectern="article"] li a[href$="fnref1"]');
    await waitFor(
      reader,
      () => document.activeElement === document.querySelector('[data-lectern="article"] a[href$="fn1"]'),
      undefined,
      { what: 'focus back on the mark' },
    );
    assert.ok(!(await reader.evaluate(() => location.href)).includes('#'));
    assert.equal((await tabUrls(driver)).length, tabsBefore, 'no tab opened');
    await reader.close();
  });

  it('print: footnote marks print without addresses, the notes at the end', async () => {
    const reader = await readerFor(driver, server, 'footnotes-article');
    const pdf = await reader.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const file = `${ARTIFACTS}/${driver.name}-fidelity-print.pdf`;
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
    assert.match(text, /with a single teacher and a notebook ?1/);
    assert.ok(!/#fn|user-content|\(http[^)]*#/.test(text), 'no address after a footnote mark');
    assert.ok(
      text.lastIndexOf('The first notebook, with a green cover') > text.indexOf('every clear night of the survey'),
      'the notes print at the end',
    );
    await reader.close();
  });

  it('saves Markdown with GFM tables, the formula once and the clean source address', async () => {
    const reader = await readerFor(driver, server, 'footnotes-article', '?utm_source=newsletter&fbclid=abc');
    const md = await saveWithKey(driver, reader, 'm');
    assert.match(md.text, /\| Year \| Stars counted \| Cloud \|\n\| --- \| --- \| --- \|\n\| 1995 \| 412 \| none \|/);
    assert.ok(md.text.includes('$m = -2.5 \\log_{10} F$'), 'the TeX source');
    assert.equal(md.text.match(/log/g).length, 1, 'the formula once');
    assert.ok(md.text.includes(`Source: <${server.base}/articles/footnotes-article>`), 'clean source');
    const html = await saveWithKey(driver, reader, 'h');
    assert.ok(html.text.includes(`href="${server.base}/articles/footnotes-article"`), 'clean source in HTML');
    assert.ok(!html.text.includes('utm_source'));
    await reader.close();
  });

  it('multi-page: three pages joined once each through the page (its cookie), the pager and counters left out, no loop', async () => {
    const reader = await readerAt(driver, `${server.base}/multipage/harbour`);
    await waitFor(reader, () => !!document.querySelector('[data-lectern="pages"]'), undefined, {
      what: 'pages joined',
    });
    const state = await joinedState(reader);
    assert.equal(state.note, '3 pages joined');
    assert.deepEqual(state.failed, []);
    const openings = [
      'The old harbour wall was finished in 1891',
      'The market hall opened four years later',
      'The second warehouse will hold a boatbuilding school',
      'says the harbour has always changed with the town.',
    ];
    const at = openings.map((sentence) => state.text.indexOf(sentence));
    assert.ok(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'in page order',
    );
    for (const sentence of openings) assert.equal(state.text.split(sentence).length, 2, `once: ${sentence}`);
    assert.ok(!/Page \d of 3|Next page/.test(state.text), 'no counter, no pager');
    assert.ok(!state.links.some((text) => /^\d$/.test(text)), 'no numbered page links');
    assert.ok(state.noteAboveText, 'the note sits above the text');
    // Each page asked for once (the first by the tab, the others by the page for the reader), page 3's link back to
    // page 1 not followed.
    assert.deepEqual(
      ['/multipage/harbour', '/multipage/harbour/2', '/multipage/harbour/3'].map((path) => asked(server, path)),
      [1, 1, 1],
    );
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-pages-joined.png` });
    await reader.close();
  });

  it('multi-page: a page that fails (404) is named and linked, the others joined', async () => {
    const reader = await readerAt(driver, `${server.base}/multipage/ferry.html`);
    await waitFor(reader, () => !!document.querySelector('[data-lectern="pages"]'), undefined, {
      what: 'pages joined',
    });
    const state = await joinedState(reader);
    assert.equal(state.note, '3 pages joined');
    assert.deepEqual(state.failed, [
      { text: 'Page 3 couldn’t be loaded', href: `${server.base}/multipage/ferry-3.html` },
    ]);
    assert.ok(state.text.includes('The market hall opened four years later'));
    assert.ok(state.text.includes('The islanders say it is the first time'));
    assert.ok(!/Page \d of 4|Next page/.test(state.text));
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-pages-failed.png` });
    await reader.close();
  });

  it('multi-page: each page’s note 1 opens its own note, and its back-link returns to its own mark', async () => {
    const reader = await readerAt(driver, `${server.base}/multipage/notes.html`);
    await waitFor(reader, () => !!document.querySelector('[data-lectern="pages"]'), undefined, {
      what: 'pages joined',
    });
    const marks = await reader.evaluate(() =>
      [...document.querySelectorAll('[data-lectern="article"] a[data-footnote-ref]')].map((a) => ({
        text: a.textContent,
        href: a.getAttribute('href'),
      })),
    );
    assert.equal(marks.length, 2, JSON.stringify(marks));
    assert.deepEqual(
      marks.map((m) => m.text),
      ['1', '1'],
    );
    assert.notEqual(marks[0].href, marks[1].href, 'each mark names its own note');
    const notes = [/The schoolmaster’s notebooks are kept in the county archive/, /The survey ship was the Petrel/];
    for (const [i, note] of notes.entries()) {
      const mark = `[data-lectern="article"] a[data-footnote-ref][href="${marks[i].href}"]`;
      await reader.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), mark);
      await reader.click(mark);
      const text = await waitFor(
        reader,
        () => {
          const popover = document.querySelector('[data-lectern="footnote"]');
          return popover?.contains(document.activeElement) ? popover.textContent.replace(/\s+/g, ' ') : null;
        },
        undefined,
        { what: `the popover of mark ${i + 1}` },
      );
      assert.match(text, note);
      if (i === 1) await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-pages-footnote.png` });
      await reader.keyboard.press('Escape');
      await waitFor(reader, () => !document.querySelector('[data-lectern="footnote"]'), undefined, {
        what: 'popover closed',
      });
      // The note's own ↩ (in the notes of its page) returns the focus to this mark, not to the other page's.
      const back = await reader.evaluate((href) => {
        const note = document.getElementById(decodeURIComponent(href.slice(1)));
        const link = note?.querySelector('a[href^="#"]');
        link?.scrollIntoView({ block: 'center' });
        return link ? `#${link.closest('li').id} a[href^="#"]` : null;
      }, marks[i].href);
      assert.ok(back, 'the note has its back-link');
      await reader.click(back);
      await waitFor(reader, (sel) => document.activeElement === document.querySelector(sel), mark, {
        what: `focus back on mark ${i + 1}`,
      });
    }
    assert.ok(!(await reader.evaluate(() => location.href)).includes('#'), 'the reader stays where it is');
    await reader.close();
  });

  it('furniture by general signals: a gallery caption once, an all-caps ad label line and quote cards’ share rows gone', async () => {
    const gallery = await readerAt(driver, `${server.base}/furniture/gallery-caption.html`);
    const shown = await gallery.evaluate(() => {
      const body = document.querySelector('[data-lectern="article"]');
      return {
        captions: [...body.querySelectorAll('figcaption')].map((c) => c.textContent.trim()),
        images: body.querySelectorAll('img').length,
        text: body.textContent,
      };
    });
    assert.deepEqual(shown.captions, ['The eastern quay at dawn, before the market opens. Photo: Mara Quill']);
    assert.equal(shown.images, 11, 'every slide kept');
    assert.ok(!/ADVERTISEMENT|Harbour app/.test(shown.text), 'the ad line left out');
    assert.ok(shown.text.includes('The pictures will hang in the market hall'));
    await gallery.evaluate(() => document.querySelectorAll('[data-lectern="article"] figure')[1]?.scrollIntoView());
    await gallery.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-gallery.png` });
    await gallery.close();

    const cards = await readerAt(driver, `${server.base}/furniture/quote-cards.html`);
    const quotes = await cards.evaluate(() => {
      const body = document.querySelector('[data-lectern="article"]');
      return {
        quotes: body.querySelectorAll('blockquote').length,
        links: body.querySelectorAll('a').length,
        text: body.textContent,
      };
    });
    assert.equal(quotes.quotes, 10, 'every quote kept');
    assert.ok(!/Whatsapp|Facebook|Pint|Baixar/.test(quotes.text), 'no share rows');
    assert.equal(quotes.links, 0);
    await cards.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-quote-cards.png` });
    await cards.close();
  });

  it('long-form magazine layout: all 39 paragraphs over sibling sections, the drop cap kept, pull-quotes not twice', async () => {
    const reader = await readerAt(driver, `${server.base}/furniture/magazine-longform.html`);
    const shown = await reader.evaluate(() => {
      const text = document.querySelector('[data-lectern="article"]').textContent.replace(/\s+/g, ' ');
      return {
        missing: Array.from({ length: 39 }, (_, i) => i + 1).filter(
          (n) => !text.includes(`in paragraph ${n} of this story`),
        ),
        opening: document.querySelector('[data-lectern="article"] p').textContent.slice(0, 40),
        fifty: text.split('We built it for fifty years, not for five.').length - 1,
        changed: text.split('The harbour has always changed with the town.').length - 1,
      };
    });
    assert.deepEqual(shown.missing, []);
    assert.match(shown.opening, /^The lighthouse keeper remembered/);
    assert.equal(shown.fifty, 1);
    assert.equal(shown.changed, 1);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-fidelity-longform.png` });
    await reader.close();
  });

  it('print: a long code line wraps on paper, none of it past the page’s edge', async () => {
    const reader = await readerAt(driver, `${server.base}/print/long-code.html`);
    const pdf = await reader.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const file = `${ARTIFACTS}/${driver.name}-fidelity-print-code.pdf`;
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, '');
    assert.ok(text.includes('END_OF_THE_LONG_LINE_42'), 'the end of the long line printed');
    // Every word's box (pdftotext -bbox) inside the page: a clipped or overflowing line would run past its right edge.
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const width = Number(/<page width="([\d.]+)"/.exec(boxes)[1]);
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)];
    assert.ok(words.length > 50, `words found: ${words.length}`);
    const past = words.filter((w) => Number(w[2]) > width).map((w) => w[3]);
    assert.deepEqual(past, [], 'no word past the right edge');
    await reader.close();
  });
}
