#!/usr/bin/env node
// `npm run bench:extract`: how well and how fast Lectern's extraction does against plain Readability on the shared
// article corpus. It prints numbers; it is a benchmark, not a test, so it asserts nothing.
//
//   npm run bench:extract -- [--corpus DIR] [--per-page FILE] [--json FILE] [--runs N] [--keep-css]
//                            [--only NAME] [--no-timing] [--pages N|ID,…] [--predictions FILE]
//
// --corpus DIR   the corpus root (holding evaluate.mjs and scrapinghub-dev/) or the page set itself (holding html/ and
//                ground-truth.json); default ../shared/corpus/ next to the repo.
// --per-page F   Lectern's per-page precision/recall, exactly as `evaluate.mjs --per-page` writes them.
// --json F       every number printed, as JSON.
// --runs N       timed runs per page per extractor (default 3; the median is kept).
// --keep-css     time on the pages exactly as saved (about twice as slow; see "Documents" below).
// For quick iteration (the figures to report come from the full run):
// --only NAME    run one extractor only (lectern or readability); no time ratio.
// --no-timing    the scored pass only.
// --pages P      a subset: the first N pages, or pages whose ids start with one of the comma-separated prefixes.
//                Scores of a subset are the subset's, not the corpus's.
// --predictions F  each extractor's text per page, {extractor: {id: text}}, to diff against the ground truth.
// As people see it (needs `npm run build`; implies --no-timing):
// --browser      also open the built extension's reader on every page in real Chromium and Firefox ESR and score the
//                text it shows, next to the Node figures of the same run, overall and per language (see
//                scripts/bench-extract-browser.mjs); --no-firefox for Chromium alone; --page-scripts lets the pages'
//                inline scripts run (blocked by default: the corpus and its ground truth are the pages without them).
//
// Quality: one pass over every page (which is also the warm-up), scored in-process by the corpus's own evaluate.mjs
// (its exported `evaluate`, the function its CLI runs, without the bootstrap), so F1/precision/recall are identical to
// `node evaluate.mjs predictions.json`.
// Speed: then, per page, N runs of each extractor, interleaved (the order alternating), each on a freshly parsed
// document; only the extraction call is timed, never jsdom's parsing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { sourceLoader } from './lib/source.mjs';

const started = performance.now();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const DEFAULT_SET = 'scrapinghub-dev';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    'per-page': { type: 'string' },
    json: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'keep-css': { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-timing': { type: 'boolean', default: false },
    pages: { type: 'string' },
    predictions: { type: 'string' },
    browser: { type: 'boolean', default: false },
    'no-firefox': { type: 'boolean', default: false },
    'page-scripts': { type: 'boolean', default: false },
  },
});
if (values.browser) {
  values['no-timing'] = true;
  if (values.only === 'readability') {
    console.error('--browser measures Lectern: not with --only readability');
    process.exit(2);
  }
  if (!existsSync(join(fileURLToPath(new URL('..', import.meta.url)), '.output/chrome-mv3/manifest.json'))) {
    console.error('--browser needs the built extension: run `npm run build` first');
    process.exit(2);
  }
}
if (values.only && !['lectern', 'readability'].includes(values.only)) {
  console.error('--only takes lectern or readability');
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive integer');
  process.exit(2);
}

// The page set (html/ + ground-truth.json) and the evaluate.mjs that scores it.
const corpusArg = resolve(values.corpus ?? DEFAULT_CORPUS);
const setDir = existsSync(join(corpusArg, 'ground-truth.json')) ? corpusArg : join(corpusArg, DEFAULT_SET);
const evaluatePath = [join(corpusArg, 'evaluate.mjs'), join(dirname(setDir), 'evaluate.mjs')].find((p) =>
  existsSync(p),
);
if (!existsSync(join(setDir, 'ground-truth.json')) || !evaluatePath) {
  console.error(`no corpus at ${corpusArg} (want ground-truth.json, html/ and evaluate.mjs)`);
  process.exit(2);
}
const { evaluate, loadGroundTruth, tokenize } = await import(pathToFileURL(evaluatePath).href);
const allGroundTruth = loadGroundTruth(join(setDir, 'ground-truth.json'));
const groundTruth = subset(allGroundTruth, values.pages);
const htmlFiles = new Set(readdirSync(join(setDir, 'html')));
const pages = Object.entries(groundTruth).map(([id, { url }]) => {
  const file = `${id}.html.gz`;
  if (!htmlFiles.has(file)) throw new Error(`${setDir}/html/${file} is missing`);
  return { id, url, html: gunzipSync(readFileSync(join(setDir, 'html', file))).toString('utf8') };
});

const version = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

// Documents. Each is `new JSDOM(html, { url })`: no scripts, no resources; the silent console only drops jsdom's
// "Could not parse CSS stylesheet" noise. Parsing the pages' stylesheets is most of what jsdom 27 spends (seconds on
// some pages, so that timing on the pages as saved takes ~4 minutes here), and it throws outright on some (a border
// shorthand with `inherit`). Neither extractor reads stylesheets or computed styles (Lectern works on a window-less
// clone, Readability drops <style>), so:
//  - the scored pass uses the pages as saved, except a page jsdom throws on, parsed again with its <style> text dropped;
//  - the timed runs use every page with its <style> text dropped (the elements stay), unless --keep-css; they check
//    that each extractor's output stays identical to the scored pass and report any page where it does not.
const cssless = (html) => html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
let parseMs = 0;
const parse = (html, url) => {
  const t0 = performance.now();
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } finally {
    parseMs += performance.now() - t0;
  }
};

// Vite's SSR loader runs the TypeScript module exactly as written, with the project's path aliases (as scripts/extract.mjs).
const vite = await sourceLoader(ROOT);
try {
  const { extractArticle } = await vite.ssrLoadModule('/utils/extract/index.ts');
  const notArticles = new Set();
  // The Article of each page (by address) from the scored pass, for --browser.
  const articles = new Map();
  const extractors = {
    readability: (doc) => new Readability(doc).parse()?.textContent ?? '',
    lectern: (doc, url) => {
      const article = extractArticle(doc, url);
      articles.set(url, article);
      // The reader shows a page its verdict calls no article as a notice, not as the text: count them.
      if (article && !article.verdict.article) notArticles.add(url);
      return article?.text ?? '';
    },
  };
  const names = Object.keys(extractors).filter((n) => !values.only || n === values.only);

  /**
   * One extraction on a fresh document: its text ('' when it throws) and the milliseconds of the call alone.
   * Then the event loop turns (untimed): until jsdom's queued load tasks run, each closed window stays in memory.
   */
  const runOnce = async (name, html, url) => {
    const dom = parse(html, url);
    let text = '';
    let error = null;
    const t0 = performance.now();
    try {
      text = extractors[name](dom.window.document, url);
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - t0;
    dom.window.close();
    await nextTurn();
    return { text, error, ms };
  };

  // The scored pass, which is also the warm-up.
  const result = Object.fromEntries(names.map((n) => [n, { predictions: {}, threw: [], times: [], changed: [] }]));
  const unparsable = [];
  const cssDropped = [];
  for (const page of pages) {
    page.scoredHtml = page.html;
    for (const name of names) {
      let run;
      try {
        run = await runOnce(name, page.scoredHtml, page.url);
      } catch (e) {
        if (page.scoredHtml === page.html) {
          cssDropped.push({ id: page.id, url: page.url, error: firstLine(e) });
          page.scoredHtml = cssless(page.html);
          try {
            run = await runOnce(name, page.scoredHtml, page.url);
          } catch {
            // handled below
          }
        }
        if (!run) {
          unparsable.push({ id: page.id, url: page.url, error: firstLine(e) });
          for (const n of names) result[n].predictions[page.id] = '';
          break;
        }
      }
      const r = result[name];
      r.predictions[page.id] = run.text;
      if (run.error) r.threw.push({ id: page.id, url: page.url, error: firstLine(run.error) });
    }
  }

  const scoredPassSeconds = (performance.now() - started) / 1000;

  // The timed runs.
  const timed = values['no-timing'] ? [] : pages.filter((page) => !unparsable.some((u) => u.id === page.id));
  for (const [i, page] of timed.entries()) {
    const html = values['keep-css'] ? page.scoredHtml : cssless(page.html);
    const ms = Object.fromEntries(names.map((n) => [n, []]));
    for (let run = 0; run < runs; run++) {
      for (const name of run % 2 ? [...names].reverse() : names) {
        const { text, ms: t } = await runOnce(name, html, page.url);
        ms[name].push(t);
        const r = result[name];
        if (text !== r.predictions[page.id] && !r.changed.includes(page.id)) r.changed.push(page.id);
      }
    }
    for (const name of names) result[name].times.push(median(ms[name]));
    if (process.stderr.isTTY) process.stderr.write(`\rtiming ${i + 1}/${timed.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  // Scores by the corpus's own metric (no bootstrap: only the point values are printed).
  const report = {
    corpus: basename(setDir),
    pages: pages.length,
    subset: values.pages ?? null,
    node: process.version,
    jsdom: version('jsdom'),
    readability: version('@mozilla/readability'),
    runs,
    timedPages: timed.length,
    timedWithCss: values['keep-css'],
    cssDropped,
    unparsable,
    extractors: {},
  };
  if (names.includes('lectern')) report.notArticles = [...notArticles];
  let lecternPerPage;
  for (const name of names) {
    const r = result[name];
    const { metrics, perPage } = evaluate(groundTruth, r.predictions, { nBootstrap: 0 });
    if (name === 'lectern') lecternPerPage = perPage;
    report.extractors[name] = {
      f1: metrics.f1,
      precision: metrics.precision,
      recall: metrics.recall,
      accuracy: metrics.accuracy,
      emptyPredictions: metrics.emptyPredictions,
      threw: r.threw,
      medianMs: r.times.length ? median(r.times) : NaN,
      p95Ms: r.times.length ? percentile(r.times, 0.95) : NaN,
      meanMs: r.times.length ? r.times.reduce((a, b) => a + b, 0) / r.times.length : NaN,
      timedOutputChanged: r.changed,
    };
  }
  const L = report.extractors.lectern;
  const R = report.extractors.readability;
  report.ratio = L && R && timed.length ? { median: L.medianMs / R.medianMs, p95: L.p95Ms / R.p95Ms } : null;

  const cols = ['F1', 'precision', 'recall', 'median ms', 'p95 ms'];
  const row = (label, m) =>
    label.padEnd(18) +
    [m.f1, m.precision, m.recall].map((x) => x.toFixed(3).padEnd(11)).join('') +
    (timed.length ? m.medianMs.toFixed(1) : '—').padEnd(11) +
    (timed.length ? m.p95Ms.toFixed(1) : '—').padEnd(9) +
    `${m.emptyPredictions} empty, ${m.threw.length} threw`;
  const lines = [
    `extraction on ${report.pages} pages of ${report.corpus}${values.pages ? ' (a subset: --pages)' : ''} ` +
      `(jsdom ${report.jsdom}, Node ${report.node})`,
    ''.padEnd(18) + cols.map((c, i) => c.padEnd(i === 4 ? 9 : 11)).join(''),
  ];
  if (R) lines.push(row(`Readability ${report.readability}`, R));
  if (L) lines.push(row('Lectern', L));
  if (report.ratio) {
    lines.push(
      `time ratio Lectern / Readability: median ${report.ratio.median.toFixed(2)}×, p95 ${report.ratio.p95.toFixed(2)}×`,
      `(times: median of ${runs} runs per page over ${timed.length} pages, ` +
        (values['keep-css'] ? 'pages as saved)' : 'pages with their <style> text dropped; --keep-css to keep it)'),
    );
  }
  for (const name of names) {
    for (const t of result[name].threw) lines.push(`${name} threw on ${t.id} (${t.url}): ${t.error}`);
    const changed = result[name].changed;
    if (changed.length) lines.push(`${name} gave other output when timed on ${changed.length} pages: ${changed}`);
  }
  if (L) {
    lines.push(
      `Lectern judged ${notArticles.size} of ${pages.length} pages "not an article"${notArticles.size ? ':' : ''}`,
    );
    for (const url of notArticles) lines.push(`  ${url}`);
  }
  if (cssDropped.length) {
    lines.push(`jsdom threw on the CSS of ${cssDropped.length} pages, scored with their <style> text dropped:`);
    for (const p of cssDropped) lines.push(`  ${p.id.slice(0, 12)} ${p.url} (${p.error})`);
  }
  for (const u of unparsable) lines.push(`jsdom could not parse ${u.id} (${u.url}): ${u.error}; empty for both`);
  report.parseSeconds = parseMs / 1000;
  report.scoredPassSeconds = scoredPassSeconds;
  report.wallSeconds = (performance.now() - started) / 1000;
  lines.push(`(${report.wallSeconds.toFixed(0)} s in all, ${report.parseSeconds.toFixed(0)} s of it jsdom parsing)`);
  console.log(lines.join('\n'));

  if (values.browser) {
    const { textOf } = await vite.ssrLoadModule('/utils/extract/text.ts');
    const { asPeopleSeeIt } = await import('./bench-extract-browser.mjs');
    report.browser = await asPeopleSeeIt({
      root: ROOT,
      firefox: !values['no-firefox'],
      pageScripts: values['page-scripts'],
      pages,
      groundTruth,
      articles,
      extractArticle,
      textOf,
      evaluate,
      parse,
      tokenize,
    });
  }
  if (values['per-page']) writeFileSync(values['per-page'], JSON.stringify(lecternPerPage, null, 1));
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
  if (values.predictions) {
    const texts = Object.fromEntries(names.map((n) => [n, result[n].predictions]));
    writeFileSync(values.predictions, JSON.stringify(texts, null, 1) + '\n');
  }
} finally {
  await vite.close();
}

/** The pages `spec` selects: the first N, or those whose ids start with one of the comma-separated prefixes. */
function subset(all, spec) {
  if (!spec) return all;
  const entries = Object.entries(all);
  const chosen = /^\d+$/.test(spec)
    ? entries.slice(0, Number(spec))
    : entries.filter(([id]) => spec.split(',').some((prefix) => prefix && id.startsWith(prefix)));
  if (!chosen.length) {
    console.error(`--pages ${spec} selects no page`);
    process.exit(2);
  }
  return Object.fromEntries(chosen);
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}
