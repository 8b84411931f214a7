// `npm run bench:extract -- --browser`: the extraction as people see it. The built extension in real Chromium (and
// Firefox ESR) opens its reader on each corpus page, served from 127.0.0.1 as the e2e tests serve pages, and the text
// shown in `[data-lectern="article"]` is read back, counted by the same function (utils/extract/text.ts's textOf) that
// makes the Article's text field in Node, so both sides are counted the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { launchFirefox } from '../tests/e2e/lib/firefox.mjs';
import { tabIdOf, tabLoaded } from '../tests/e2e/lib/extension.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { browserPath } from '../tests/e2e/lib/paths.mjs';
import { waitFor } from '../tests/e2e/lib/wait.mjs';

/**
 * Serves each page at /corpus/<id>. The corpus was saved with JavaScript off, which is also what its ground truth
 * describes: the page's inline scripts (their outside scripts could never load here) are blocked by the page's own
 * Content-Security-Policy unless `pageScripts`, so the browser's snapshot is the saved page, as the CLI reads it.
 * (Lectern's snapshot script is the extension's, which a page's policy doesn't bind.)
 */
export function startCorpusServer(pages, { pageScripts = false } = {}) {
  const routes = Object.fromEntries(
    pages.map((page) => [
      `/corpus/${page.id}`,
      () => ({
        headers: pageScripts ? {} : { 'content-security-policy': "script-src 'none'" },
        body: page.html,
      }),
    ]),
  );
  return startServer({ routes });
}

/** textOf and its constants as one script expression for a page: text.ts with its types stripped (it imports nothing). */
function textOfSource(root) {
  const ts_ = readFileSync(join(root, 'utils/extract/text.ts'), 'utf8');
  const js = ts.transpileModule(ts_, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return js.replace(/^export /gm, '');
}

/**
 * What the reader shows of each page in one browser: `{ [id]: { state, displayed, field } }` — `displayed` the text of
 * `[data-lectern="article"]` with its captions (what is on screen), `field` the same without captions (how the
 * Article's `text` is counted), both '' when the reader shows no article (a notice, a message).
 */
export async function readInBrowser(name, pages, base, { root, onPage } = {}) {
  browserPath(name === 'chromium' ? 'chromium' : 'firefox-esr');
  const driver = name === 'chromium' ? await launchChromium() : await launchFirefox();
  // Evaluated as an expression (never eval'd by the page): extension pages forbid eval.
  const read = `(() => {
    ${textOfSource(root)}
    const root = document.querySelector('[data-lectern="reader"]');
    const body = document.querySelector('[data-lectern="article"]');
    return {
      state: root ? root.dataset.state : 'none',
      displayed: body ? textOf(body) : '',
      field: body ? textOf(body, { skipCaptions: true }) : '',
    };
  })()`;
  const out = {};
  let version = '';
  try {
    // The full version (the user agent string rounds it).
    version = await driver.ext(async () =>
      globalThis.browser?.runtime.getBrowserInfo
        ? (await globalThis.browser.runtime.getBrowserInfo()).version
        : ((await navigator.userAgentData.getHighEntropyValues(['fullVersionList'])).fullVersionList.find((b) =>
            /Chrom/.test(b.brand),
          )?.version ?? ''),
    );
    for (const [i, page] of pages.entries()) {
      const url = `${base}/corpus/${page.id}`;
      let tab;
      let reader;
      try {
        tab = await driver.newTab();
        await tab.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(async (error) => {
          // The driver can lose track of a navigation that did happen (Firefox: "Address rejected"): a loaded
          // document at the address is what counts, else the page is loaded once more.
          const loaded = (u) => location.href === u && document.readyState === 'complete';
          await waitFor(tab, loaded, url, { timeout: 30_000 }).catch(async () => {
            console.error(`${name}: ${page.id.slice(0, 12)} again after ${String(error.message).split('\n')[0]}`);
            await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
          });
        });
        await tabLoaded(driver, await tabIdOf(driver, url), `${page.id} loaded`, 60_000);
        await tab.bringToFront();
        const opened = driver.nextReader({ timeout: 120_000 });
        await driver.fireCommand('toggle-reader');
        reader = await opened;
        // After the render, the reader's features (footnotes, contents) finish on the next frames.
        await waitFor(reader, () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true)))));
        out[page.id] = await reader.evaluate(read);
      } catch (error) {
        out[page.id] = { state: 'failed', displayed: '', field: '', error: String(error.message).split('\n')[0] };
      } finally {
        await reader?.close().catch(() => undefined);
        await tab?.close().catch(() => undefined);
      }
      onPage?.(i + 1, pages.length);
    }
  } finally {
    await driver.close();
  }
  return { version, pages: out };
}

/**
 * The --browser part of bench:extract: Node's extraction counted as displayed (at the page's own address and at the
 * address the browsers saw), each browser's reader, scored by the corpus's metric overall and per language, and the
 * pages where Node and a browser show different words. Prints its table; returns the figures for --json.
 */
export async function asPeopleSeeIt(ctx) {
  const { root, pages, groundTruth, articles, extractArticle, textOf, evaluate, parse, tokenize } = ctx;
  const { JSDOM } = await import('jsdom');
  const server = await startCorpusServer(pages, { pageScripts: ctx.pageScripts });
  const served = (id) => `${server.base}/corpus/${id}`;
  const shown = (article) => {
    // The reader shows a page its verdict calls no article as a notice: no article text on screen.
    if (!article || !article.verdict.article) return { displayed: '', field: '' };
    const body = JSDOM.fragment(article.html);
    return { displayed: textOf(body), field: textOf(body, { skipCaptions: true }) };
  };
  try {
    // Node, at the page's own address (the figures above) and at the address the browsers saw: extraction reads the
    // page's host (links to the same site), so the two paths are compared at the same address.
    const node = { original: {}, served: {} };
    const langs = {};
    let fieldMismatch = 0;
    for (const page of pages) {
      const article = articles.get(page.url);
      langs[page.id] = (article?.lang ?? 'und').split('-')[0].toLowerCase();
      node.original[page.id] = { ...shown(article), text: article?.text ?? '' };
      // The Article's text field is its HTML counted without captions: checked, since the browsers are counted so.
      if (article && article.verdict.article && node.original[page.id].field !== article.text) fieldMismatch++;
      const dom = parse(page.scoredHtml, served(page.id));
      let there = null;
      try {
        there = extractArticle(dom.window.document, served(page.id));
      } finally {
        dom.window.close();
      }
      node.served[page.id] = { ...shown(there), text: there?.text ?? '' };
    }

    const browsers = {};
    for (const name of ctx.firefox ? ['chromium', 'firefox'] : ['chromium']) {
      const progress = (i, n) =>
        process.stderr.isTTY
          ? process.stderr.write(`\r${name} ${i}/${n}`)
          : (i % 10 === 0 || i === n) && console.error(`${name}: ${i}/${n} pages`);
      browsers[name] = await readInBrowser(name, pages, server.base, { root, onPage: progress });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    }

    const score = (texts, ids = Object.keys(groundTruth)) => {
      const subset = Object.fromEntries(ids.map((id) => [id, groundTruth[id]]));
      const { metrics, perPage } = evaluate(subset, Object.fromEntries(ids.map((id) => [id, texts[id] ?? ''])), {
        nBootstrap: 0,
      });
      return { f1: metrics.f1, precision: metrics.precision, recall: metrics.recall, perPage };
    };
    const pick = (byId, key) => Object.fromEntries(Object.entries(byId).map(([id, v]) => [id, v[key]]));
    const label = { chromium: 'Chromium', firefox: 'Firefox ESR' };
    const rows = [
      ['Node (jsdom), text field, page’s address', pick(node.original, 'text')],
      ['Node, as displayed, page’s address', pick(node.original, 'displayed')],
      ['Node, text field, served address', pick(node.served, 'text')],
      ['Node, as displayed, served address', pick(node.served, 'displayed')],
      ...Object.entries(browsers).flatMap(([name, b]) => [
        [`${label[name]} ${b.version}, text field`, pick(b.pages, 'field')],
        [`${label[name]} ${b.version}, as displayed`, pick(b.pages, 'displayed')],
      ]),
    ].map(([what, texts]) => ({ what, texts, ...score(texts) }));

    const f = (x) => (Number.isFinite(x) ? x.toFixed(3) : '—');
    const lines = [
      '',
      `as people see it: the reader of the built extension on the same ${pages.length} pages, served from ` +
        `127.0.0.1${ctx.pageScripts ? ' (page scripts on)' : ' (page scripts blocked)'}, next to Node`,
      'what is counted'.padEnd(48) + 'F1     precision recall',
      ...rows.map((r) => r.what.padEnd(48) + `${f(r.f1)}  ${f(r.precision)}     ${f(r.recall)}`),
    ];
    if (fieldMismatch)
      lines.push(`(the text field differed from its HTML counted without captions on ${fieldMismatch} pages)`);
    const nodeShown = rows[3];
    const agreement = {};
    for (const [name, b] of Object.entries(browsers)) {
      const row = rows.find((r) => r.what.startsWith(label[name]) && r.what.endsWith('as displayed'));
      const fieldRow = rows.find((r) => r.what.startsWith(label[name]) && r.what.endsWith('text field'));
      agreement[name] = { displayed: row.f1 - nodeShown.f1, field: fieldRow.f1 - rows[2].f1 };
      const failed = Object.entries(b.pages).filter(([, p]) => p.state === 'failed');
      const states = {};
      for (const p of Object.values(b.pages)) states[p.state] = (states[p.state] ?? 0) + 1;
      lines.push(
        `${label[name]} − Node at the same address: ${sign(agreement[name].displayed)} F1 as displayed, ` +
          `${sign(agreement[name].field)} as the text field (target: within 0.005); reader states: ` +
          Object.entries(states)
            .map(([s, n]) => `${n} ${s}`)
            .join(', '),
      );
      for (const [id, p] of failed) lines.push(`  ${id.slice(0, 12)} failed: ${p.error}`);
    }
    // Extraction reads the page's host (links to the same site count as the site's furniture): the pages whose words
    // change with the address alone.
    const moved = pages.filter(
      (p) => tokenize(node.original[p.id].displayed).join(' ') !== tokenize(node.served[p.id].displayed).join(' '),
    );
    lines.push(
      `the address alone (Node, served − page’s own): ${sign(rows[3].f1 - rows[1].f1)} F1 as displayed, ` +
        `${sign(rows[2].f1 - rows[0].f1)} as the text field; other words on ${moved.length} pages` +
        (moved.length ? `: ${moved.map((p) => p.id.slice(0, 12)).join(', ')}` : ''),
    );

    // Per language (the language extraction gives the page), F1 as displayed.
    const byLang = {};
    for (const [id, lang] of Object.entries(langs)) (byLang[lang] ??= []).push(id);
    const langRows = Object.entries(byLang).sort((a, b) => b[1].length - a[1].length);
    const cols = [rows[0], rows[1], rows[3], ...rows.slice(4).filter((r) => r.what.endsWith('as displayed'))];
    const short = (r) =>
      r === rows[0]
        ? 'Node field'
        : r === rows[1]
          ? 'Node shown'
          : r === rows[3]
            ? 'Node@served'
            : r.what.split(' ')[0];
    lines.push(
      '',
      'per language: F1 / precision / recall ("shown" = as displayed)',
      'lang  pages  ' + cols.map((c) => short(c).padEnd(20)).join(''),
    );
    const perLanguage = {};
    for (const [lang, ids] of langRows) {
      const scores = cols.map((c) => score(c.texts, ids));
      perLanguage[lang] = {
        pages: ids.length,
        ...Object.fromEntries(
          cols.map((c, i) => [c.what, { f1: scores[i].f1, precision: scores[i].precision, recall: scores[i].recall }]),
        ),
      };
      const cell = (m) => `${f(m.f1)} ${f(m.precision)} ${f(m.recall)}`.padEnd(20);
      lines.push(lang.padEnd(6) + String(ids.length).padEnd(7) + scores.map(cell).join(''));
    }

    // Page by page: where a browser shows other words than Node at the same address.
    const differ = [];
    for (const page of pages) {
      const mine = tokenize(node.served[page.id].displayed);
      const theirs = Object.fromEntries(
        Object.entries(browsers).map(([name, b]) => [name, tokenize(b.pages[page.id].displayed)]),
      );
      const names = Object.keys(theirs).filter((n) => theirs[n].join(' ') !== mine.join(' '));
      if (!names.length) continue;
      const f1Of = (r) => r.perPage.find((p) => p.id === page.id)?.f1;
      differ.push({
        id: page.id,
        lang: langs[page.id],
        node: f1Of(nodeShown),
        ...Object.fromEntries(
          Object.keys(browsers).map((n) => [
            n,
            f1Of(rows.find((r) => r.what.startsWith(label[n]) && r.what.endsWith('as displayed'))),
          ]),
        ),
        words: Object.fromEntries(names.map((n) => [n, firstDifference(mine, theirs[n])])),
      });
    }
    lines.push('', `pages where a browser shows other words than Node (same address): ${differ.length}`);
    for (const d of differ) {
      lines.push(
        `  ${d.id.slice(0, 12)} ${d.lang.padEnd(3)} F1 Node ${f(d.node)} ` +
          Object.keys(browsers)
            .map((n) => `${label[n]} ${f(d[n])}`)
            .join(' ') +
          Object.entries(d.words)
            .map(([n, w]) => `\n      ${label[n]}: ${w}`)
            .join(''),
      );
    }
    console.log(lines.join('\n'));
    return {
      rows: rows.map(({ what, f1, precision, recall }) => ({ what, f1, precision, recall })),
      agreement,
      perLanguage,
      differ,
      addressDependent: moved.map((p) => p.id),
      fieldMismatch,
      states: Object.fromEntries(Object.entries(browsers).map(([n, b]) => [n, pick(b.pages, 'state')])),
    };
  } finally {
    await server.close();
  }
}

const sign = (x) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

/** Where two token lists part: a few words of each around the first difference. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (t) => t.slice(Math.max(0, i - 3), i + 6).join(' ');
  return `word ${i} of ${a.length} (Node) / ${b.length}: Node «${around(a)}» vs «${around(b)}»`;
}
