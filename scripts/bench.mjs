#!/usr/bin/env node
// `npm run bench`: what Lectern costs in real headless Chromium, next to bare Readability in the same run.
// Prints a table (no assertions). Needs a build (`npm run build`). Options: --pages N (default: all), --json FILE.
//
// 1. Detection: main-thread time of detect.js (which the background runs in each page once it has loaded) on each
//    page load, from Chromium's own trace (every EvaluateScript / FunctionCall / compile event attributed to
//    detect.js), and its longest single task;
//    bare `isProbablyReaderable(document)` timed in the same page for reference.
// 2. Time to reader: from the toggle-reader command to the article painted in the reader; bare
//    `new Readability(document.cloneNode(true)).parse()` timed in the same page.
// 3. Bundle sizes. 4. Popup first render. 5. Memory kept by a page after the reader opened and closed 10 times.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';

const { values } = parseArgs({ options: { pages: { type: 'string' }, json: { type: 'string' } } });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/scrapinghub-dev/', import.meta.url));
const BUILD = join(ROOT, '.output/chrome-mv3');
if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error('No build: run `npm run build` first.');
  process.exit(2);
}

// ---- pages: the corpus, plus a synthetic 5 MB / 100,000-element article ----
const truth = JSON.parse(readFileSync(join(CORPUS, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth)
  .sort()
  .slice(0, values.pages ? Number(values.pages) : undefined);
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
    const html = gunzipSync(readFileSync(join(CORPUS, 'html', `${id}.html.gz`))).toString('utf8');
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

let driver = await launchChromium();
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

async function measurePage(url) {
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
  const readerPage = context.waitForEvent('page', {
    predicate: (p) => p.url().includes('/reader.html'),
    timeout: 30_000,
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
        return {
          at: performance.timeOrigin + mark.startTime,
          origin: performance.timeOrigin,
          steps,
          state: document.querySelector('[data-lectern="reader"]')?.dataset.state,
        };
      },
      undefined,
      { timeout: 30_000, polling: 20 },
    )
    .then((h) => h.jsonValue());
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
    readerState: painted.state,
  };
}

// ---- run ----
const rows = [];
const started = Date.now();
for (const id of ids) {
  try {
    rows.push({ id, ...(await measurePage(`${base}/corpus/${id}`)) });
  } catch (error) {
    rows.push({ id, error: String(error).slice(0, 200) });
  }
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

// The synthetic page in a browser of its own, so that its figure doesn't depend on how many pages came before it
// (once measured at 9–10 s after the 88 pages and 4.4–4.9 s after 30).
driver = await launchChromium();
({ context } = driver);
ext = driver.ext;
const synth = await measurePage(`${base}/synthetic`).catch((error) => ({ error: String(error) }));
await driver.close();

// The floor of any reader in its own tab: the same command opening an empty extension page (a copy of the build
// with one static page and a one-line script added), measured the same way.
const floor = [];
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
    const at = await blank
      .waitForFunction(() => {
        const mark = performance.getEntriesByName('lectern:painted')[0];
        return mark && performance.timeOrigin + mark.startTime;
      })
      .then((h) => h.jsonValue());
    floor.push(at - fired);
    await blank.close();
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
    `synthetic 5 MB / 100,000 elements: detection ${ms(synth.detection.total)} ms (longest task ${ms(synth.detection.longest)} ms), time to reader ${ms(synth.toReader)} ms, bare parse ${ms(synth.bare.parse)} ms`,
  );
  console.log('  steps: ' + STEPS.map((step) => `${step} ${ms(synth.steps?.[step])}`).join(' → '));
} else console.log(`synthetic page failed: ${synth.error}`);
if (memory) {
  const sign = (bytes) => `${bytes >= 0 ? '+' : ''}${kb(bytes)}`;
  console.log(
    `page JS heap: ${kb(memory.before)} before any reader, ${sign(memory.once - memory.before)} after the first open/close, then ${sign((memory.after - memory.once) / 10)} per open/close cycle (10 cycles)`,
  );
}
console.log('\nbundles (.output/chrome-mv3)');
for (const b of bundles)
  console.log(`  ${b.file.padEnd(40)} ${kb(b.bytes).padStart(10)} ${`${kb(b.gzip)} gz`.padStart(12)}`);
for (const r of rows.filter((r) => r.error)) console.log(`failed: ${r.id.slice(0, 12)} ${r.error}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ rows, synthetic: synth, popupTimes, memory, bundles }, null, 2));
}
