// Issue #15 end to end, the same in Chromium and Firefox: a page of links opened in the reader says it is none (and the
// popup and badge agree), the table of contents of a long article, and embedded players and posts shown as cards.
import assert from 'node:assert/strict';
import { badgeOf, openPopup, openReaderByCommand, tabIdOf, waitFor } from './extension.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { until } from './wait.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';

/** Opens the fixture `name` (served as /articles/<name>) once the background has checked it; its page and tab id. */
async function openChecked(driver, server, name) {
  const url = `${server.base}/articles/${name}`;
  const page = await driver.newPage(url);
  const tabId = await tabIdOf(driver, url);
  // The quick check has answered once the button's title is no longer the default one.
  await until(async () => (await badgeOf(driver, tabId)).title !== 'Lectern', { what: `checked ${url}` });
  return { page, tabId };
}

/** The reader of fixture `name`, once it shows something other than "loading". */
async function readerFor(driver, server, name) {
  const { page, tabId } = await openChecked(driver, server, name);
  const reader = await openReaderByCommand(driver, page);
  await reader.bringToFront();
  await waitFor(
    reader,
    () => document.querySelector('[data-lectern="reader"]')?.dataset.state !== 'loading',
    undefined,
    {
      what: `reader of ${name}`,
    },
  );
  return { reader, tabId };
}

export function pagesSuite(launch) {
  let driver;
  let server;

  before(async () => {
    server = await startServer();
    driver = await launch();
  });

  after(async () => {
    await closeAll(driver, server);
  });

  it('a section front of 40 headlines: the reader says it is no article, and shows what it found on request', async () => {
    const { reader, tabId } = await readerFor(driver, server, 'pages/section-front');
    const notice = await waitFor(
      reader,
      () => {
        const section = document.querySelector('[data-lectern="not-article"]');
        return section && document.querySelector('[data-lectern="reader"]').dataset.state === 'not-article'
          ? {
              title: section.querySelector('h1').textContent,
              role: section.getAttribute('role'),
              article: !!document.querySelector('[data-lectern="article"]'),
              focused: document.activeElement?.dataset.action ?? null,
              minutes: document.querySelector('.minutes-left, .reading-time')?.textContent ?? null,
            }
          : null;
      },
      undefined,
      { what: 'not-article notice' },
    );
    assert.deepEqual(notice, {
      title: 'This page isn’t an article',
      role: 'alert',
      article: false,
      focused: 'show-anyway',
      minutes: null,
    });
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-not-article.png` });

    // The badge and the popup say what the reader said (the quick check alone took this page for an article).
    await until(async () => (await badgeOf(driver, tabId)).text === '', { what: 'badge cleared' });
    const popup = await openPopup(driver, tabId);
    const popupSays = await popup.evaluate(() => ({
      reason: document.querySelector('[data-lectern="reason"]')?.textContent ?? null,
      openDisabled: document.querySelector('[data-action="open-reader"]').disabled,
    }));
    assert.deepEqual(popupSays, { reason: 'This page doesn’t look like an article.', openDisabled: true });
    await popup.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-not-article-popup.png` });
    await popup.close();

    await reader.bringToFront();
    await reader.keyboard.press('Enter');
    const shown = await waitFor(
      reader,
      () => {
        const body = document.querySelector('[data-lectern="article"]');
        return body
          ? {
              headlines: body.querySelectorAll('h3 a').length,
              notice: !!document.querySelector('[data-lectern="not-article"]'),
            }
          : null;
      },
      undefined,
      { what: 'what was found, shown anyway' },
    );
    assert.equal(shown.notice, false);
    // What extraction kept: the headlines with a teaser (headline-only links to the same site are left out as furniture).
    assert.ok(shown.headlines >= 5, JSON.stringify(shown));
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-shown-anyway.png` });
    await reader.close();
  });

  it('a link list, search results and a forum index are no articles either; a real article is one', async () => {
    for (const name of ['pages/link-list', 'pages/search-results', 'pages/forum-index']) {
      const { reader } = await readerFor(driver, server, name);
      const state = await reader.evaluate(() => document.querySelector('[data-lectern="reader"]').dataset.state);
      assert.equal(state, 'not-article', name);
      await reader.close();
    }
    const { reader } = await readerFor(driver, server, 'toc-article');
    assert.equal(
      await reader.evaluate(() => document.querySelector('[data-lectern="reader"]').dataset.state),
      'article',
    );
    await reader.close();
  });

  it('the table of contents: O opens it, the current section is marked, entries jump, Esc closes it', async () => {
    const { reader } = await readerFor(driver, server, 'toc-article');
    await driver.setViewport(reader, 1100, 800);
    await waitFor(reader, () => window.innerWidth === 1100, undefined, { what: '1100 px' });
    await reader.evaluate(() => document.activeElement?.blur());
    await reader.keyboard.press('o');
    const opened = await waitFor(
      reader,
      () => {
        const panel = document.querySelector('[data-lectern="toc"]');
        if (!panel) return null;
        const links = [...panel.querySelectorAll('a')];
        return {
          entries: links.map((a) => `${a.parentElement.dataset.depth}:${a.textContent}`),
          current: links.findIndex((a) => a.getAttribute('aria-current') === 'location'),
          focused: panel.contains(document.activeElement),
          expanded: document.querySelector('[data-action="toc"]').getAttribute('aria-expanded'),
          beside:
            panel.getBoundingClientRect().left >=
            document.querySelector('[data-lectern="article"]').getBoundingClientRect().right,
        };
      },
      undefined,
      { what: 'contents panel' },
    );
    assert.deepEqual(opened, {
      entries: [
        '0:Why the valley needed a tunnel',
        '0:Digging under the river',
        '1:The first shaft',
        '1:Water in the workings',
        '0:Opening day',
        '0:What the tunnel changed',
      ],
      current: 0,
      focused: true,
      expanded: 'true',
      beside: true,
    });

    // By keyboard: Tab to the fifth entry, Enter: the section at the top, its heading focused, the mark moved.
    for (let i = 0; i < 4; i++) await reader.keyboard.press('Tab');
    assert.equal(await reader.evaluate(() => document.activeElement.textContent), 'Opening day');
    await reader.keyboard.press('Enter');
    const jumped = await waitFor(
      reader,
      () => {
        const heading = [...document.querySelectorAll('[data-lectern="article"] h2')].find(
          (h) => h.textContent === 'Opening day',
        );
        const top = heading.getBoundingClientRect().top;
        const marked = document.querySelector('[data-lectern="toc"] a[aria-current]')?.textContent;
        return document.activeElement === heading && marked === 'Opening day' && top > 0 && top < 150
          ? {
              top: Math.round(top),
              toolbar: Math.round(document.querySelector('[data-lectern="toolbar"]').getBoundingClientRect().bottom),
            }
          : null;
      },
      undefined,
      { what: 'jumped to "Opening day", marked' },
    );
    assert.ok(jumped.top >= jumped.toolbar, `the heading under the toolbar: ${JSON.stringify(jumped)}`);
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-toc.png` });

    // Scrolling marks the section being read.
    await reader.evaluate(() => window.scrollTo(0, 0));
    await waitFor(
      reader,
      () =>
        document.querySelector('[data-lectern="toc"] a[aria-current]')?.textContent ===
        'Why the valley needed a tunnel',
      undefined,
      { what: 'first section marked at the top' },
    );
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor(
      reader,
      () => document.querySelector('[data-lectern="toc"] a[aria-current]')?.textContent === 'What the tunnel changed',
      undefined,
      { what: 'last section marked at the end' },
    );

    await reader.keyboard.press('Escape');
    await waitFor(
      reader,
      () =>
        !document.querySelector('[data-lectern="toc"]') &&
        document.activeElement?.dataset.action === 'toc' &&
        !!document.querySelector('[data-lectern="article"]'),
      undefined,
      { what: 'contents closed, the focus on its button, the reader still open' },
    );

    // The toolbar button opens it too; at 830 px the toolbar fits one row with it, at 360 px it is in More.
    await driver.setViewport(reader, 830, 800);
    await waitFor(reader, () => window.innerWidth === 830, undefined, { what: '830 px' });
    const row = await reader.evaluate(() => {
      const shown = [...document.querySelectorAll('[data-lectern="toolbar"] button')].filter(
        (b) => b.getClientRects().length > 0,
      );
      return {
        rows: new Set(shown.map((b) => Math.round(b.getBoundingClientRect().top))).size,
        toc: shown.some((b) => b.dataset.action === 'toc'),
      };
    });
    assert.deepEqual(row, { rows: 1, toc: true });
    await reader.click('[data-action="toc"]');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="toc"]'), undefined, {
      what: 'opened by its button',
    });
    await reader.click('[data-lectern="toc"] button');
    await waitFor(reader, () => !document.querySelector('[data-lectern="toc"]'), undefined, { what: 'closed by ×' });
    await driver.setViewport(reader, 360, 800);
    await waitFor(reader, () => window.innerWidth === 360, undefined, { what: '360 px' });
    await reader.click('[data-action="more"]');
    await waitFor(reader, () => !!document.querySelector('[data-more="toc"]'), undefined, { what: 'contents in More' });
    await reader.click('[data-more="toc"]');
    await waitFor(reader, () => !!document.querySelector('[data-lectern="toc"]'), undefined, {
      what: 'opened from More',
    });
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-toc-360.png` });
    // Over the text, a jump closes the panel.
    await reader.click('[data-lectern="toc"] li:nth-child(3) a');
    await waitFor(
      reader,
      () =>
        !document.querySelector('[data-lectern="toc"]') && document.activeElement?.textContent === 'The first shaft',
      undefined,
      { what: 'jumped and closed at 360 px' },
    );
    await driver.setViewport(reader, 1100, 800);
    await reader.close();
  });

  it('embedded players, posts and recordings are cards: provider, title, a link; nothing loads from the providers', async () => {
    const { reader } = await readerFor(driver, server, 'embeds-article');
    // Thumbnails load lazily (loading=lazy): each is brought into view once, as a reader scrolling down would.
    await waitFor(reader, () => document.querySelectorAll('figure.lectern-embed').length > 0, undefined, {
      what: 'cards',
    });
    for (let i = 0; i < 2; i++) {
      await reader.evaluate((n) => document.querySelectorAll('figure.lectern-embed img')[n]?.scrollIntoView(), i);
      await waitFor(reader, (n) => document.querySelectorAll('figure.lectern-embed img')[n]?.complete !== false, i, {
        what: `thumbnail ${i + 1}`,
      });
    }
    await reader.evaluate(() => window.scrollTo(0, 0));
    const cards = await waitFor(
      reader,
      () => {
        const all = [...document.querySelectorAll('[data-lectern="article"] figure.lectern-embed')];
        const thumbs = all.map((c) => c.querySelector('img')).filter(Boolean);
        return all.length && thumbs.every((img) => img.complete && img.naturalWidth > 0)
          ? all.map((c) => ({
              provider: c.querySelector('small').textContent,
              title: c.querySelector('strong')?.textContent ?? null,
              href: c.querySelector('a').getAttribute('href'),
              target: c.querySelector('a').getAttribute('target'),
              thumbnail: !!c.querySelector('img'),
            }))
          : null;
      },
      undefined,
      { what: 'cards, thumbnails loaded' },
    );
    assert.equal(cards.length, 7);
    assert.deepEqual(
      cards.map((c) => [c.provider, c.title, c.thumbnail]),
      [
        ['youtube.com', 'The parade of boats, filmed from the pier', false],
        ['vimeo.com', 'Night lights over the basin', false],
        ['streamhost.example', 'Interview with the harbour master', true],
        ['social.example', null, false],
        ['soundhost.example', "The fishermen's choir: Haul away", false],
        ['valley-courier.example', 'The lifeboat demonstration', true],
        ['podhost.example', "Episode 12 of our podcast: the festival from the committee's side", false],
      ],
    );
    assert.ok(cards.every((c) => c.target === '_blank'));
    // Only the reader's own files and the thumbnails the page itself had (served from 127.0.0.1).
    const loaded = await reader.evaluate(() => ({
      frames: document.querySelectorAll('main iframe, main video, main audio, main object, main embed').length,
      elsewhere: performance
        .getEntriesByType('resource')
        .map((r) => new URL(r.name).hostname)
        .filter((host) => host !== '127.0.0.1' && host !== location.hostname),
    }));
    assert.deepEqual(loaded, { frames: 0, elsewhere: [] }, 'nothing requested from a provider');
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-embeds.png`, fullPage: true });
    await reader.evaluate(() => document.activeElement?.blur());
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme === 'dark', undefined, { what: 'night' });
    await reader.screenshot({ path: `${ARTIFACTS}/${driver.name}-pages-embeds-night.png`, fullPage: true });
    await reader.keyboard.press('n');
    await waitFor(reader, () => document.documentElement.dataset.theme !== 'dark', undefined, { what: 'day' });
    await reader.close();
  });
}
