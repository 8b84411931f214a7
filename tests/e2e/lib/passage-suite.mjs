// Issue #16, the live page: a quote of the page's own selection, from the popup and from the context menu, carries a
// link to the passage (`#:~:text=`) made in the page on that selection; followed in the same browser, it opens the page
// scrolled to the passage. Text that repeats on the page gets context (prefix/suffix); where no link can find the
// passage alone, the quote carries the page's plain link.
import assert from 'node:assert/strict';
import { followLink, openArticleTab, openPopup, readClipboardItems, waitFor, waitForNextToast } from './extension.mjs';
import { startServer } from './server.mjs';
import { ARTIFACTS } from './paths.mjs';
import { after, before, closeAll, it } from './deadlines.mjs';

const LAST_LIGHT = 'the lamp was lit for the last time on a windless night in November';
/** Stands in the page's "Most read" sidebar too (see tests/fixtures/passage-article.html). */
const STORM = 'Every storm has a name in the logbook';
const REFRAIN = 'Row the boat and hold the line';
const FIRST_VERSE = 'the whole valley came to watch';

/**
 * Selects `phrase` inside the element `#id` of the live page (white space compared as single spaces, as the page's
 * markup breaks its lines), as a user's mouse would; returns the selected text.
 */
function selectIn(page, id, phrase) {
  return page.evaluate(
    ({ id, phrase }) => {
      const points = [];
      let flat = '';
      const walker = document.createTreeWalker(document.getElementById(id), 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const space = /\s/.test(node.data[i]);
          if (space && flat.endsWith(' ')) continue;
          flat += space ? ' ' : node.data[i];
          points.push([node, i]);
        }
      }
      const start = flat.indexOf(phrase);
      if (start < 0) return null;
      const [endNode, endOffset] = points[start + phrase.length - 1];
      const range = document.createRange();
      range.setStart(...points[start]);
      range.setEnd(endNode, endOffset + 1);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return window.getSelection().toString();
    },
    { id, phrase },
  );
}

/** The link a copied quote ends with: the last line of its text, or the Markdown link's target. */
function quoteLink(text) {
  return text.match(/\]\((http[^)\s]+)\)$/)?.[1] ?? text.split('\n').at(-1);
}

export function passageSuite(launch) {
  let driver;
  let server;

  before(async () => {
    server = await startServer();
    driver = await launch();
  });

  after(async () => {
    await closeAll(driver, server);
  });

  /** The popup's copy format `format` for the tab, with its confirmation (screenshot `shot`); the clipboard's text. */
  async function popupQuote(tabId, format, shot) {
    const popup = await openPopup(driver, tabId);
    await popup.click('[data-action="copy-formats"] summary');
    await popup.click(`[data-copy="${format}"]`);
    assert.match(await waitForNextToast(popup), /Quote copied/);
    const { text } = await readClipboardItems(popup);
    await popup.screenshot({ path: `${ARTIFACTS}/${driver.name}-passage-popup-${shot}.png` });
    await popup.close();
    return text;
  }

  /** The context menu's item `menuItemId` on the tab's selection, confirmed on the page; the clipboard's text. */
  async function menuQuote(page, tabId, menuItemId, selectionText) {
    await page.bringToFront();
    await page.evaluate(() => document.querySelector('lectern-toast')?.remove());
    await driver.fireMenu(menuItemId, tabId, { selectionText });
    await waitFor(page, () => document.querySelector('lectern-toast')?.dataset.state === 'done', undefined, {
      what: 'the page’s confirmation',
    });
    const helper = await driver.openExtensionPage('popup.html');
    const { text } = await readClipboardItems(helper);
    await helper.close();
    return text;
  }

  it('popup: a quote of the page’s selection links to the passage, and the link scrolls the page there', async () => {
    const url = `${server.base}/articles/passage-article`;
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    // Far below the fold: a link without the directive would open at the top.
    assert.ok(
      await page.evaluate(
        () => document.getElementById('last-light').getBoundingClientRect().top > 3 * window.innerHeight,
      ),
    );
    assert.equal(await selectIn(page, 'last-light', LAST_LIGHT), LAST_LIGHT);

    const quote = await popupQuote(tabId, 'quote', 'quote');
    assert.ok(quote.startsWith(`“${LAST_LIGHT}”\n— The lighthouse logbook — Coast Review\n${url}#:~:text=`), quote);
    const link = quoteLink(quote);
    assert.ok(decodeURIComponent(link).includes('the lamp was lit'), link);
    await followLink(driver, link, 'last-light', 'passage-live-popup');

    const markdown = await popupQuote(tabId, 'quote-markdown', 'markdown');
    assert.ok(markdown.startsWith(`> ${LAST_LIGHT}\n\n— [The lighthouse logbook — Coast Review](${url}#:~:text=`));
    await followLink(driver, quoteLink(markdown), 'last-light', 'passage-live-popup-markdown');
    await page.close();
  });

  it('context menu: a quote of words the page repeats carries context that finds this passage alone', async () => {
    const url = `${server.base}/articles/passage-article`;
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    // The words stand in the sidebar (first) and in the article: without context, a link would open at the sidebar.
    assert.equal(
      await page.evaluate((words) => document.body.innerText.split(words).length - 1, STORM),
      2,
      'the words stand twice on the page',
    );
    assert.equal(await selectIn(page, 'storm-names', STORM), STORM);

    const quote = await menuQuote(page, tabId, 'lectern-copy-quote', STORM);
    assert.ok(quote.startsWith(`“${STORM}”\n— The lighthouse logbook — Coast Review\n${url}#:~:text=`), quote);
    const link = quoteLink(quote);
    assert.match(link, /#:~:text=(.+-,)?Every%20storm%20has%20a%20name%20in%20the%20logbook(,-.+)?$/i);
    assert.ok(/-,|,-/.test(link), `context makes it unique on the page: ${link}`);
    await followLink(driver, link, 'storm-names', 'passage-live-menu');

    const markdown = await menuQuote(page, tabId, 'lectern-copy-quote-markdown', STORM);
    assert.equal(quoteLink(markdown), link, markdown);
    await page.close();
  });

  it('where no link finds the passage alone (a refrain sung four times), the quote carries the page’s plain link', async () => {
    const url = `${server.base}/articles/refrain-article`;
    const { page, tabId } = await openArticleTab(driver, url, '✓');
    // The same page gives a passage link for words it has once: the plain link below is the refrain's doing.
    assert.equal(await selectIn(page, 'first-verse', FIRST_VERSE), FIRST_VERSE);
    const verse = await menuQuote(page, tabId, 'lectern-copy-quote', FIRST_VERSE);
    assert.ok(quoteLink(verse).startsWith(`${url}#:~:text=`), verse);
    await followLink(driver, quoteLink(verse), 'first-verse', 'passage-live-verse');

    // The second of four equal lines: the line before it and the line after it are the third's too.
    assert.equal(await selectIn(page, 'refrain-2', REFRAIN), REFRAIN);
    const credit = '— The ferry song — Valley Songbook';
    assert.equal(await menuQuote(page, tabId, 'lectern-copy-quote', REFRAIN), `“${REFRAIN}”\n${credit}\n${url}`);
    assert.equal(await popupQuote(tabId, 'quote', 'plain-link'), `“${REFRAIN}”\n${credit}\n${url}`);

    // No selection in the page itself (as when the words were selected inside a frame: the browser names them, the
    // page's top frame has none): the words the menu names, with the plain link.
    await page.evaluate(() => window.getSelection().removeAllRanges());
    assert.equal(
      await menuQuote(page, tabId, 'lectern-copy-quote', FIRST_VERSE),
      `“${FIRST_VERSE}”\n${credit}\n${url}`,
    );
    await page.close();
  });
}
