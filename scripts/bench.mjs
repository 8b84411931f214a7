#!/usr/bin/env node
// `npm run bench`: what Lectern costs in real headless Chromium, next to bare Readability and Firefox ESR's own Reader
// View in the same run. Prints a table (no assertions). Needs a build (`npm run build`) and Debian's firefox-esr.
// Options: --pages N (default: all), --json FILE, --no-firefox (skip the Firefox peer for a quick run).
//
// 1. Detection: main-thread time of detect.js (which the background runs in each page once it has loaded) on each
//    page load, from Chromium's own trace (every EvaluateScript / FunctionCall / compile event attributed to
//    detect.js), and its longest single task;
//    bare `isProbablyReaderable(document)` timed in the same page for reference.
// 2. Time to reader: from the toggle-reader command to the article painted in the reader; bare
//    `new Readability(document.cloneNode(true)).parse()` timed in the same page.
// 3. Bundle sizes. 4. Popup first render. 5. Memory kept by a page after the reader opened and closed 10 times.
// 6. The peer: Firefox ESR's Reader View (headless, without Lectern) open beside Chromium for the whole run, each page
//    measured in Lectern and then in Firefox: from the View:ReaderView command (what the toolbar button and Ctrl+Alt+R
//    run) to the first frame after about:reader's AboutReaderContentReady event; then the big pages (the largest
//    corpus pages, 3 runs; the synthetic article, 3 runs in fresh browsers) and memory on the synthetic article.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { launchFirefox } from '../tests/e2e/lib/firefox.mjs';
import { ARTIFACTS, browserPath } from '../tests/e2e/lib/paths.mjs';
import { waitFor } from '../tests/e2e/lib/wait.mjs';

const { values } = parseArgs({
  options: { pages: { type: 'string' }, json: { type: 'string' }, 'no-firefox': { type: 'boolean' } },
});
const FIREFOX = !values['no-firefox'];
if (FIREFOX) {
  try {
    browserPath('firefox-esr');
  } catch (error) {
    console.error(`${error.message} (or pass --no-firefox to run without the Firefox Reader View peer)`);
    process.exit(2);
  }
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/scrapinghub-dev/', import.meta.url));
const BUILD = join(ROOT, '.output/chrome-mv3');
if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error('No build: run `npm run build` first.');
  process.exit(2);
}

// ---- pages: the corpus, plus a synthetic 5 MB / 100,000-element article ----
const truth = JSON.parse(readFileSync(join(CORPUS, 'ground-truth.json'), 'utf8'));
const corpusHtml = (id) => gunzipSync(readFileSync(join(CORPUS, 'html', `${id}.html.gz`))).toString('utf8');
const ids = Object.keys(truth)
  .sort()
  .slice(0, values.pages ? Number(values.pages) : undefined);
// The 1 MB-class pages: the two largest of the whole corpus (whatever --pages says), measured 3 times each.
const BIG = Object.keys(truth)
  .map((id) => ({ id, bytes: Buffer.byteLength(corpusHtml(id)) }))
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, 2);
function synthetic() {
  const words = 'the harbour boats market council town water quay people season storm night morning'.split(' ');
  const sentence = (i) => Array.from({ length: 14 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ') + '.';
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic long read</title></head><body><article><h1>Synthetic long read</h1>',
  ];
  // 25,000 sections × 4 elements ≈ 100,000 elements, ≈ 5 MB.
  for (let i = 0; i < 25_000; i++) {
    parts.push(
      `<section><h2>Part ${i}</h2><p>${sentence(i)} ${sentence(i + 1)}</p><p><em>${sentence(i + 2)}</em></p></section>`,
    );
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}
const SYNTHETIC = synthetic();
const lib = (file) => readFileSync(join(ROOT, 'node_modules/@mozilla/readability', file), 'utf8');
// Classic scripts for the page's own world: the CommonJS export guard is false there, so the functions become globals.
const READERABLE = lib('Readability-readerable.js');
const READABILITY = lib('Readability.js');

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const send = (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  if (path === '/synthetic') return send(SYNTHETIC);
  const [, kind, id] = /^\/(corpus|corpus-without-scripts)\/([0-9a-f]+)$/.exec(path) ?? [];
  if (id && truth[id]) {
    const html = corpusHtml(id);
    // The memory check uses the page without its own scripts, so that only what Lectern leaves counts.
    return send(kind === 'corpus' ? html : html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- helpers ----
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
}
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

// Process memory, read the same way for both browsers: the private (unshared) resident memory of each process, from
// Linux's /proc/PID/smaps_rollup, summed over a browser's process tree.
function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // A process that ended while we read.
    }
  }
  const all = [];
  for (const queue = [root]; queue.length;) {
    const pid = queue.shift();
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}
const cmdline = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};
function privateBytes(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kbOf = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return (kbOf('Private_Clean') + kbOf('Private_Dirty')) * 1024;
  } catch {
    return 0;
  }
}
/** The Chromium this script launched with Lectern (a child of this process), and its extension process. */
function chromiumMemory() {
  const root = processTree(process.pid).find(
    (pid) => pid !== process.pid && /--load-extension=/.test(cmdline(pid)) && !/--type=/.test(cmdline(pid)),
  );
  if (!root) return null;
  const tree = processTree(root);
  const extension = tree.filter((pid) => /--extension-process/.test(cmdline(pid)));
  return {
    browser: tree.reduce((sum, pid) => sum + privateBytes(pid), 0),
    reader: extension.reduce((sum, pid) => sum + privateBytes(pid), 0),
    processes: tree.length,
  };
}

/** Main-thread time of detect.js in a trace: union of its top-level events per thread, and the longest. */
function contentScriptTime(events) {
  const mine = events.filter(
    (e) =>
      e.ph === 'X' &&
      /EvaluateScript|FunctionCall|v8\.compile|TimerFire|FireIdleCallback/.test(e.name) &&
      JSON.stringify(e.args ?? {}).includes('/detect.js'),
  );
  const byThread = new Map();
  for (const e of mine) byThread.set(e.tid, [...(byThread.get(e.tid) ?? []), [e.ts, e.ts + (e.dur ?? 0)]]);
  let total = 0;
  let longest = 0;
  for (const spans of byThread.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    let [start, end] = spans[0];
    for (const [s, e] of spans.slice(1)) {
      if (s <= end) end = Math.max(end, e);
      else {
        total += end - start;
        longest = Math.max(longest, end - start);
        [start, end] = [s, e];
      }
    }
    total += end - start;
    longest = Math.max(longest, end - start);
  }
  return { total: total / 1000, longest: longest / 1000, events: mine.length };
}

/**
 * Chromium with Lectern, its reader recording every long task (over 50 ms) from its start: the bench reports the
 * longest one after the first screen (issue #18: none over 100 ms once the first screen is up).
 */
async function launchRecording() {
  const launched = await launchChromium();
  await launched.context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/reader.html')) return;
    const tasks = (globalThis.__lecternLongTasks = []);
    new globalThis.PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return launched;
}
let driver = await launchRecording();
let { context } = driver;
let ext = driver.ext;

async function tabIdFor(url) {
  for (let i = 0; i < 200; i++) {
    // By address, or else the active tab (a page's own script may have changed its address).
    const id = await ext(
      async ({ u, late }) => {
        const tabs = await chrome.tabs.query({});
        return (tabs.find((t) => t.url === u) ?? (late ? tabs.find((t) => t.active) : undefined))?.id;
      },
      { u: url, late: i > 20 },
    );
    if (id !== undefined) return id;
    await sleep(50);
  }
  throw new Error(`no tab for ${url}`);
}

/** Waits until detection has answered (the tooltip changes from the default). */
async function waitDetected(tabId, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const title = await ext((id) => chrome.action.getTitle({ tabId: id }), tabId);
    if (title !== 'Lectern') return title;
    await sleep(50);
  }
  return null;
}

async function measurePage(url, { memory = false, screenshot } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] },
  });
  let detected;
  let badge = '';
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const tabId = await tabIdFor(url);
    detected = await waitDetected(tabId);
    badge = await ext((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await sleep(200);
  } finally {
    // Always end the trace: Chromium allows one at a time, and the next page needs its own.
    await cdp.send('Tracing.end');
    await traced;
  }
  const detection = contentScriptTime(events);

  // Bare references in the page's own world, after our work is done.
  const bare = await page.evaluate(
    ({ readerable, readability }) => {
      const run = new Function(`${readerable}\n${readability}\nreturn { isProbablyReaderable, Readability };`);
      const { isProbablyReaderable, Readability } = run();
      let t = performance.now();
      const readerableResult = isProbablyReaderable(document);
      const check = performance.now() - t;
      t = performance.now();
      new Readability(document.cloneNode(true)).parse();
      const parse = performance.now() - t;
      return { check, parse, readerable: readerableResult };
    },
    { readerable: READERABLE, readability: READABILITY },
  );

  // Time to reader: command → article painted.
  await page.bringToFront();
  // Memory is read after a GC of the page (and below of the reader too), as Firefox's side collects in every process.
  if (memory) await cdp.send('HeapProfiler.collectGarbage');
  const memoryBefore = memory ? chromiumMemory() : null;
  const readerPage = context.waitForEvent('page', {
    predicate: (p) => p.url().includes('/reader.html'),
    timeout: 120_000,
  });
  const fired = await ext(() => {
    const at = performance.timeOrigin + performance.now();
    chrome.commands.onCommand.dispatch('toggle-reader');
    return at;
  });
  const reader = await readerPage;
  const painted = await reader
    .waitForFunction(
      () => {
        const mark = performance.getEntriesByName('lectern:painted')[0];
        if (!mark) return null;
        const steps = { opened: 0 };
        for (const m of performance.getEntriesByType('mark')) steps[m.name.replace('lectern:', '')] = m.startTime;
        const first = performance.getEntriesByName('lectern:first-screen')[0]?.startTime ?? Infinity;
        // The longest stretch of a task once the first screen was up (0: none over 50 ms); a task the first screen
        // was marked in counts from the mark on: the screen stood still from then.
        const after = (globalThis.__lecternLongTasks ?? [])
          .filter((t) => t.start + t.duration > first)
          .map((t) => t.start + t.duration - Math.max(t.start, first));
        return {
          longestAfterFirstScreen: Math.max(0, ...after),
          at: performance.timeOrigin + mark.startTime,
          origin: performance.timeOrigin,
          steps,
          state: document.querySelector('[data-lectern="reader"]')?.dataset.state,
        };
      },
      undefined,
      // Long: the synthetic article has taken over 30 s on a machine loaded 8× its cores.
      { timeout: 120_000, polling: 20 },
    )
    .then((h) => h.jsonValue());
  let readerMemory;
  if (memory) {
    // After a full GC of the reader: its JS heap, and what the extension's process and the whole browser hold.
    const readerCdp = await context.newCDPSession(reader);
    await readerCdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await readerCdp.send('Runtime.getHeapUsage')).usedSize;
    readerMemory = { heap, before: memoryBefore, after: chromiumMemory() };
  }
  // What was measured, for a person to look at (taken after the figures).
  if (screenshot) await reader.screenshot({ path: join(ARTIFACTS, `bench-lectern-${screenshot}.png`) });
  await reader.close();
  await page.close();
  // The steps, each as the time since the command: the reader tab's document started, its code ran, the snapshot
  // arrived, it was parsed, extracted, rendered, painted.
  const steps = Object.fromEntries(
    Object.entries(painted.steps).map(([name, t]) => [name, painted.origin + t - fired]),
  );
  return {
    detection,
    detected: detected !== null,
    // Whether Lectern's own check (the badge) said "article", to compare with bare isProbablyReaderable.
    article: badge !== '',
    bare,
    toReader: painted.at - fired,
    steps,
    longestAfterFirstScreen: painted.longestAfterFirstScreen,
    readerState: painted.state,
    ...(readerMemory ? { memory: readerMemory } : {}),
  };
}

// ---- the peer: Firefox ESR's own Reader View ----
let ff = FIREFOX ? await launchFirefox({ extension: false }) : null;
const ffVersion = ff ? await ff.browser.version() : null;

/**
 * Runs in every document of a measured Firefox tab; in about:reader it notes, on the page's clock (epoch ms), when the
 * document started, when AboutReaderContentReady came (AboutReader has put the article in) and the first frame after
 * it — the same "next frame" as Lectern's lectern:painted (requestAnimationFrame, then a task).
 */
function firefoxReaderProbe() {
  if (!location.href.startsWith('about:reader')) return;
  const now = () => performance.timeOrigin + performance.now();
  const probe = { opened: performance.timeOrigin };
  window.__benchReader = probe;
  document.addEventListener('DOMContentLoaded', () => (probe.loaded = now()), { once: true });
  document.addEventListener(
    'AboutReaderContentReady',
    () => {
      probe.ready = now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          probe.painted = now();
          probe.chars = document.querySelector('.moz-reader-content')?.textContent.length ?? 0;
        }, 0),
      );
    },
    { once: true },
  );
}

/**
 * Firefox's memory, after it has collected garbage in every process: the private memory of the process showing a
 * document whose address contains `urlPart` and of the whole browser, and that process's JS (Firefox's own memory
 * reporters, the js-main-runtime/ tree: every JS object and string with its malloc'd data, as about:memory shows it).
 */
async function firefoxMemory(urlPart) {
  const info = JSON.parse(
    await ff.chromeEval(`(async () => {
      const reporters = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
      await new Promise((done) => reporters.minimizeMemoryUsage(done));
      const info = await ChromeUtils.requestProcInfo();
      const pid = info.children.find((c) => c.windows.some((w) => (w.documentURI?.spec ?? '').includes(${JSON.stringify(urlPart)})))?.pid;
      let js = 0;
      await new Promise((done) =>
        reporters.getReports(
          (proc, path, kind, units, amount) => {
            if (proc.includes('(pid ' + pid + ')') && units === Ci.nsIMemoryReporter.UNITS_BYTES && path.startsWith('js-main-runtime/')) js += amount;
          },
          null, done, null, false));
      return JSON.stringify({ pid, js });
    })()`),
  );
  const tree = processTree(ff.browser.process().pid);
  return {
    browser: tree.reduce((sum, pid) => sum + privateBytes(pid), 0),
    reader: info.pid ? privateBytes(info.pid) : NaN,
    js: info.js,
    pid: info.pid,
    processes: tree.length,
  };
}

/**
 * Firefox Reader View on `url`, as a user opens it: the page loaded in a tab of its own, Firefox's own check has shown
 * the reader-mode button (the page is "readerable"), then the command the button and the key run. Returns
 * { readerable: false } when Firefox never offers its reader on the page.
 */
async function measureFirefox(url, { memory = false, screenshot, offerWithin = 15_000 } = {}) {
  const page = await ff.newTab();
  try {
    await page.evaluateOnNewDocument(firefoxReaderProbe);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(async (error) => {
      // A page's own script may change its address while it loads (Lectern's side allows the same): a loaded document
      // is what counts.
      await waitFor(page, () => document.readyState === 'complete', undefined, { timeout: 60_000 }).catch(() => {
        throw error;
      });
    });
    await page.bringToFront();
    // Firefox checks the page after its first paint and then shows the button (AboutReaderChild); a user waits for it.
    const shown = `(() => {
      const browser = gBrowser.selectedBrowser;
      return browser.currentURI.spec.startsWith('http') && browser.isArticle === true &&
        !document.getElementById('reader-mode-button').hidden;
    })()`;
    const end = Date.now() + offerWithin;
    let readerable = false;
    while (!(readerable = await ff.chromeEval(shown)) && Date.now() < end) await sleep(50);
    if (!readerable) return { readerable: false };
    const before = memory ? await firefoxMemory(url) : null;
    // The clock: the browser window's (parent process) performance.timeOrigin + now(), epoch ms like the page's.
    const fired = await ff.chromeEval(`(() => {
      const at = performance.timeOrigin + performance.now();
      document.getElementById('View:ReaderView').doCommand();
      return at;
    })()`);
    const probe = await waitFor(
      page,
      () => {
        if (!location.href.startsWith('about:reader')) return null;
        if (document.documentElement.dataset.isError) return { error: true };
        return window.__benchReader?.painted ? window.__benchReader : null;
      },
      undefined,
      { timeout: 120_000, what: 'Firefox Reader View' },
    ).catch(async (error) => {
      // Say where the tab was, for the report (a page that opened another tab, a reader that never finished).
      const where = await page
        .evaluate(() => `${location.href.slice(0, 60)} [${document.body?.className ?? ''}]`)
        .catch(() => '?');
      const selected = await ff.chromeEval('gBrowser.selectedBrowser.currentURI.spec.slice(0, 60)').catch(() => '?');
      throw new Error(`${error.message}; the tab: ${where}; the selected tab: ${selected}`);
    });
    if (probe.error) return { readerable: true, error: 'Firefox Reader View showed its error page' };
    const steps = Object.fromEntries(
      ['opened', 'loaded', 'ready', 'painted'].map((step) => [step, probe[step] - fired]),
    );
    const after = memory ? await firefoxMemory('about:reader') : null;
    if (screenshot) await page.screenshot({ path: join(ARTIFACTS, `bench-firefox-${screenshot}.png`) });
    return {
      readerable: true,
      toReader: probe.painted - fired,
      steps,
      chars: probe.chars,
      ...(memory ? { memory: { before, after } } : {}),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Whether the page's clock and the browser window's agree: a page's reading taken between two of the window's must
 * fall between them (Firefox rounds a page's clock to 1 ms).
 */
async function firefoxClockCheck() {
  const page = await ff.newTab();
  await page.goto(`${base}/synthetic-none`, { timeout: 60_000 }).catch(() => undefined);
  const spans = [];
  for (let i = 0; i < 5; i++) {
    const t0 = await ff.chromeEval('performance.timeOrigin + performance.now()');
    // The page's clock, in an http page (not the tab's first about:blank, should the load have failed).
    const inPage = await page.evaluate(() =>
      location.protocol === 'http:' ? performance.timeOrigin + performance.now() : NaN,
    );
    const t1 = await ff.chromeEval('performance.timeOrigin + performance.now()');
    spans.push({ early: t0 - inPage, late: inPage - t1, window: t1 - t0 });
  }
  await page.close();
  // Positive = the page's clock read outside the window's bracket by that much.
  return { worst: Math.max(...spans.flatMap((s) => [s.early, s.late])), window: median(spans.map((s) => s.window)) };
}

/** Lectern, then (with the peer) Firefox Reader View, on one page. */
async function measureBoth(url, options) {
  const lectern = await measurePage(url, options).catch((error) => ({ error: String(error).slice(0, 200) }));
  const firefox = ff
    ? await measureFirefox(url, options).catch((error) => ({ error: String(error).slice(0, 200) }))
    : undefined;
  return { ...lectern, firefox };
}

// ---- run ----
const rows = [];
const started = Date.now();
const load = [loadavg()[0]];
const clock = ff ? [await firefoxClockCheck()] : [];
for (const id of ids) {
  rows.push({ id, bytes: Buffer.byteLength(corpusHtml(id)), ...(await measureBoth(`${base}/corpus/${id}`)) });
}
load.push(loadavg()[0]);
// The 1 MB-class pages, 3 runs each, in the same two browsers.
const big = [];
for (const { id, bytes } of BIG)
  for (let run = 0; run < 3; run++) {
    const screenshot = run === 0 ? id.slice(0, 12) : undefined;
    big.push({ id, bytes, run, ...(await measureBoth(`${base}/corpus/${id}`, { screenshot, offerWithin: 60_000 })) });
  }

const anyTab = rows.find((r) => !r.error)
  ? await (async () => {
      const p = await context.newPage();
      await p.goto(`${base}/corpus-without-scripts/${ids[0]}`);
      return { page: p, id: await tabIdFor(`${base}/corpus-without-scripts/${ids[0]}`) };
    })()
  : null;

// Memory: the JS heap of a corpus page without its own scripts (after a GC) before the reader ever opened, after it opened and closed once (the
// one-time cost of answering: the message listener's code warmed up), and after 10 more open/close cycles, whose
// difference is what each reading leaves behind in the page.
let memory = null;
if (anyTab) {
  const cdp = await context.newCDPSession(anyTab.page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycle = async () => {
    await anyTab.page.bringToFront();
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html') });
    await ext(() => chrome.commands.onCommand.dispatch('toggle-reader'));
    const reader = await opened;
    await reader.waitForFunction(() => performance.getEntriesByName('lectern:painted').length > 0, undefined, {
      timeout: 30_000,
    });
    await reader.close();
  };
  const before = await heap();
  await cycle();
  const once = await heap();
  for (let i = 0; i < 10; i++) await cycle();
  memory = { before, once, after: await heap() };
}
await driver.close();
await ff?.close();

// The synthetic page in browsers of their own, so that its figure doesn't depend on how many pages came before it
// (once measured at 9–10 s after the 88 pages and 4.4–4.9 s after 30): first one run for memory in the fresh browsers
// (a GC before the command and after the paint, so its time isn't counted), then 3 timed runs.
driver = await launchRecording();
({ context } = driver);
ext = driver.ext;
ff = FIREFOX ? await launchFirefox({ extension: false }) : null;
// Firefox checks a big page for its button after the first paint: on a loaded machine that took over 15 s.
const synthMemory = await measureBoth(`${base}/synthetic`, {
  memory: true,
  screenshot: 'synthetic',
  offerWithin: 60_000,
});
const synthRuns = [];
for (let run = 0; run < 3; run++) synthRuns.push(await measureBoth(`${base}/synthetic`, { offerWithin: 60_000 }));
if (ff) clock.push(await firefoxClockCheck());
load.push(loadavg()[0]);
await driver.close();
await ff?.close();
const synth = synthRuns[0];

// The floor of any reader in its own tab: the same command opening an empty extension page (a copy of the build
// with one static page and a one-line script added), measured the same way.
/** When the empty page painted (its `lectern:painted` mark), in epoch ms like the command's time. */
const paintedAt = (page) =>
  page
    .waitForFunction(() => {
      const mark = performance.getEntriesByName('lectern:painted')[0];
      return mark && performance.timeOrigin + mark.startTime;
    })
    .then((h) => h.jsonValue());
const floor = [];
const ownTabFloor = [];
const popupTimes = [];
const popupFloor = [];
{
  const copy = mkdtempSync(join(tmpdir(), 'lectern-floor-'));
  cpSync(BUILD, copy, { recursive: true });
  writeFileSync(
    join(copy, 'blank.html'),
    '<!doctype html><meta charset="utf-8"><title>-</title><script type="module" src="/blank.js"></script><p>-',
  );
  writeFileSync(
    join(copy, 'blank.js'),
    "requestAnimationFrame(() => setTimeout(() => performance.mark('lectern:painted'), 0));",
  );
  const bare = await launchChromium({ build: copy });
  for (let i = 0; i < 10; i++) {
    const opened = bare.context.waitForEvent('page');
    const fired = await bare.ext(() => {
      const at = performance.timeOrigin + performance.now();
      void chrome.tabs.create({ url: chrome.runtime.getURL('blank.html') });
      return at;
    });
    const blank = await opened;
    floor.push((await paintedAt(blank)) - fired);
    await blank.close();
    // The other design issue #18 names: the reader in the article's own tab, a navigation as Firefox's (same command,
    // the page's tab sent to the empty page).
    const own = await bare.context.newPage();
    const ownUrl = `${base}/corpus-without-scripts/${ids[i % ids.length]}?own=${i}`;
    await own.goto(ownUrl);
    const navigated = await bare.ext(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      const at = performance.timeOrigin + performance.now();
      void chrome.tabs.update(tab.id, { url: chrome.runtime.getURL('blank.html') });
      return at;
    }, ownUrl);
    await own.waitForURL(/blank\.html/);
    ownTabFloor.push((await paintedAt(own)) - navigated);
    await own.close();
  }
  // Popup first render, next to its floor: the same empty page opened the same way (navigation → first frame),
  // taken in turns in this fresh browser; the popup is about a corpus page (the first opening includes loading its
  // code).
  const article = await bare.context.newPage();
  const articleUrl = `${base}/corpus-without-scripts/${ids[0]}`;
  await article.goto(articleUrl);
  const tabId = await bare.ext(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, articleUrl);
  const firstFrame = async (path) => {
    const opened = await bare.context.newPage();
    await opened.goto(bare.extensionUrl(path));
    const at = await opened
      .waitForFunction(() => performance.getEntriesByName('lectern:painted')[0]?.startTime, undefined, { polling: 10 })
      .then((h) => h.jsonValue());
    await opened.close();
    return at;
  };
  for (let i = 0; i < 7; i++) {
    popupTimes.push(await firstFrame(`popup.html?tab=${tabId}`));
    popupFloor.push(await firstFrame('blank.html'));
  }
  await bare.close();
  rmSync(copy, { recursive: true, force: true });
}
server.close();

// Bundles.
function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full, `${prefix}${name}/`) : [{ name: `${prefix}${name}`, full }];
  });
}
const bundles = files(BUILD)
  .filter((f) => /\.(js|css)$/.test(f.name))
  .map((f) => {
    const body = readFileSync(f.full);
    return { file: f.name, bytes: body.length, gzip: gzipSync(body).length };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

// ---- report ----
const ok = rows.filter((r) => !r.error);
const det = ok.map((r) => r.detection.total);
const detLongest = ok.map((r) => r.detection.longest);
const check = ok.map((r) => r.bare.check);
const toReader = ok.map((r) => r.toReader);
const parse = ok.map((r) => r.bare.parse);
const ratios = ok.map((r) => r.toReader / r.bare.parse);
const cpu = cpus()[0]?.model ?? 'unknown CPU';

console.log(
  `\nLectern in headless Chromium — ${ok.length} of ${ids.length} corpus pages (${rows.length - ok.length} failed), ${cpus().length} × ${cpu}, Node ${process.version}`,
);
console.log(`${'measure'.padEnd(44)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
const line = (label, xs) =>
  console.log(`${label.padEnd(44)} ${ms(median(xs)).padStart(9)} ${ms(quantile(xs, 0.95)).padStart(9)}`);
line('detection: detect.js main thread per page, ms', det);
line('detection: its longest task, ms', detLongest);
const agree = ok.filter((r) => r.article === r.bare.readerable).length;
console.log(`detection's answer = bare isProbablyReaderable's on ${agree} of ${ok.length} pages`);
line('bare isProbablyReaderable(document), ms', check);
line('time to reader (command → painted), ms', toReader);
line('bare Readability.parse on a clone, ms', parse);
line('time to reader / bare parse (per page)', ratios);
line('floor: empty extension page in a new tab, ms', floor);
line("floor: the page's own tab sent to it, ms", ownTabFloor);
line('popup first render, ms', popupTimes);
line('floor: empty extension page, same navigation, ms', popupFloor);
console.log('time to reader, step by step (ms since the command, median):');
const STEPS = ['opened', 'start', 'prefetched', 'snapshot', 'parsed', 'extracted', 'rendered', 'painted'];
console.log(
  '  ' +
    STEPS.map((step) => `${step} ${ms(median(ok.map((r) => r.steps?.[step]).filter((x) => x !== undefined)))}`).join(
      ' → ',
    ),
);
if (!synth.error) {
  console.log(
    `synthetic ${(Buffer.byteLength(SYNTHETIC) / 1e6).toFixed(1)} MB / 100,000 elements: detection ${ms(synth.detection.total)} ms (longest task ${ms(synth.detection.longest)} ms), time to reader ${ms(synth.toReader)} ms, bare parse ${ms(synth.bare.parse)} ms`,
  );
  console.log(
    '  steps: ' +
      [...STEPS.slice(0, 5), 'first-screen', ...STEPS.slice(5)]
        .map((step) => `${step} ${ms(synth.steps?.[step])}`)
        .join(' → '),
  );
} else console.log(`synthetic page failed: ${synth.error}`);
// The reader's first screen (title and opening paragraphs), when the reader marks it.
const firstScreen = (r) => r.steps?.['first-screen'];
line(
  'time to first screen (command → first-screen), ms',
  ok.map(firstScreen).filter((x) => x !== undefined),
);
line(
  "the reader's longest task after its first screen, ms",
  ok.map((r) => r.longestAfterFirstScreen),
);
if (memory) {
  const sign = (bytes) => `${bytes >= 0 ? '+' : ''}${kb(bytes)}`;
  console.log(
    `page JS heap: ${kb(memory.before)} before any reader, ${sign(memory.once - memory.before)} after the first open/close, then ${sign((memory.after - memory.once) / 10)} per open/close cycle (10 cycles)`,
  );
}

// ---- the peer ----
const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
const times = (runs, pick) => runs.map((r) => ms(pick(r))).join(' / ');
if (FIREFOX) {
  const both = ok.filter((r) => r.firefox?.readerable && Number.isFinite(r.firefox.toReader));
  const offered = rows.filter((r) => r.firefox?.readerable).length;
  const ffFailed = rows.filter((r) => r.firefox?.error);
  console.log(
    `\nLectern (Chromium) vs Firefox ESR ${ffVersion} Reader View, page by page in the same run: ${both.length} pages measured in both` +
      ` (Firefox offered its reader on ${offered} of ${rows.length}; ${ffFailed.length} Firefox failures)`,
  );
  console.log(`${'measure'.padEnd(52)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
  const line3 = (label, xs) =>
    console.log(
      `${label.padEnd(52)} ${ms(median(xs)).padStart(9)} ${ms(quantile(xs, 0.95)).padStart(9)} ${ms(Math.max(...xs.filter(Number.isFinite))).padStart(9)}`,
    );
  line3(
    'time to reader, Lectern (command → painted), ms',
    both.map((r) => r.toReader),
  );
  line3(
    'time to reader, Firefox Reader View (→ painted), ms',
    both.map((r) => r.firefox.toReader),
  );
  line3(
    'ratio Lectern ÷ Firefox, per page',
    both.map((r) => r.toReader / r.firefox.toReader),
  );
  line3(
    'time to first screen, Lectern, ms',
    both.map(firstScreen).filter((x) => x !== undefined),
  );
  line3('floor: empty extension page in a new tab, ms', floor);
  line3("floor: the page's own tab sent to it, ms", ownTabFloor);
  const ffMedian = median(both.map((r) => r.firefox.toReader));
  console.log(
    `  the floors alone ÷ Firefox's median: new tab ${(median(floor) / ffMedian).toFixed(2)}, own tab ${(median(ownTabFloor) / ffMedian).toFixed(2)} (target for the whole: 0.5)`,
  );
  const FF_STEPS = ['opened', 'loaded', 'ready', 'painted'];
  console.log(
    '  Firefox, step by step (ms since the command, median): parse in the page and navigate → about:reader ' +
      FF_STEPS.map((step) => `${step} ${ms(median(both.map((r) => r.firefox.steps[step])))}`).join(' → '),
  );
  console.log(
    `  clock: the command is timed in Firefox's window (parent process), the paint in about:reader (content process); a page's reading taken between two of the window's fell outside them by at most ${clock.map((c) => ms(c.worst)).join(' / ')} ms (≤ 0: the clocks agree; readings ${clock.map((c) => ms(c.window)).join(' / ')} ms apart). Lectern: the command in the service worker, the paint in the reader tab, the same way.`,
  );
  for (const r of rows.filter((r) => r.firefox?.error))
    console.log(`Firefox failed: ${r.id.slice(0, 12)} ${r.firefox.error}`);
}
// The big pages and memory, Lectern's side also without the peer.
{
  console.log(`big pages (ms; Lectern${FIREFOX ? ' / Firefox' : ''}, each run):`);
  for (const { id, bytes } of BIG) {
    const runs = big.filter((r) => r.id === id);
    console.log(
      `  corpus ${id.slice(0, 12)} (${mb(bytes)}): Lectern ${times(runs, (r) => r.toReader)}, first screen ${times(runs, firstScreen)}; Firefox ${times(runs, (r) => r.firefox?.toReader)}; ratio (medians) ${ms(median(runs.map((r) => r.toReader)) / median(runs.map((r) => r.firefox?.toReader)))}`,
    );
  }
  console.log(
    `  synthetic (${mb(Buffer.byteLength(SYNTHETIC))}): Lectern ${times(synthRuns, (r) => r.toReader)}, first screen ${times(synthRuns, firstScreen)}, longest task after it ${times(synthRuns, (r) => r.longestAfterFirstScreen)}; Firefox ${times(synthRuns, (r) => r.firefox?.toReader)}; ratio (medians) ${ms(median(synthRuns.map((r) => r.toReader)) / median(synthRuns.map((r) => r.firefox?.toReader)))}`,
  );
  if (FIREFOX)
    console.log(
      '    Firefox steps, first run: ' +
        ['opened', 'loaded', 'ready', 'painted']
          .map((step) => `${step} ${ms(synthRuns[0].firefox?.steps?.[step])}`)
          .join(' → '),
    );
  const lm = synthMemory.memory;
  const fm = synthMemory.firefox?.memory;
  console.log(
    "memory on the synthetic article, after a GC, private resident memory (Linux USS) of the reader's process and of the whole browser, before the command → after the paint:",
  );
  if (lm)
    console.log(
      `  Lectern: reader JS heap (V8's used heap, the reader tab's; no other extension page open) ${mb(lm.heap)}; extension process ${mb(lm.before?.reader)} → ${mb(lm.after?.reader)}; whole Chromium ${mb(lm.before?.browser)} → ${mb(lm.after?.browser)} (${lm.after?.processes} processes; the page stays open in its tab)`,
    );
  else console.log(`  Lectern: failed (${synthMemory.error ?? 'no figure'})`);
  if (fm)
    console.log(
      `  Firefox: about:reader's process JS (memory reporters' js-main-runtime/) ${mb(fm.before?.js)} → ${mb(fm.after?.js)}; page's process ${mb(fm.before?.reader)} → about:reader's process ${mb(fm.after?.reader)} (${fm.before?.pid === fm.after?.pid ? 'the same process' : 'another process'}); whole Firefox ${mb(fm.before?.browser)} → ${mb(fm.after?.browser)} (${fm.after?.processes} processes; about:reader replaces the page in its tab)`,
    );
  else if (FIREFOX)
    console.log(
      `  Firefox: failed (${synthMemory.firefox?.error ?? (synthMemory.firefox?.readerable === false ? 'it never showed its reader button' : 'no figure')})`,
    );
}
console.log(
  `load average (1 min): ${load.map((x) => x.toFixed(1)).join(' → ')} (start → after the corpus → end; ${cpus().length} cores)`,
);
console.log('\nbundles (.output/chrome-mv3)');
for (const b of bundles)
  console.log(`  ${b.file.padEnd(40)} ${kb(b.bytes).padStart(10)} ${`${kb(b.gzip)} gz`.padStart(12)}`);
for (const r of rows.filter((r) => r.error)) console.log(`failed: ${r.id.slice(0, 12)} ${r.error}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        rows,
        big,
        synthetic: synthRuns,
        synthMemory,
        floor,
        ownTabFloor,
        popupTimes,
        memory,
        bundles,
        firefox: ffVersion,
        clock,
        load,
      },
      null,
      2,
    ),
  );
}
