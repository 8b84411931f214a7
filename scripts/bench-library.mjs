// `npm run bench:library`: the library at scale (issue #17), in real Chromium with the built extension. A library of
// 2,000 articles made from the corpus (their real texts and titles, each page used ~23 times under its own address) is
// written into the extension's IndexedDB, then:
//   - the library page, opened anew, to the first render of its list (the page's `lectern:library-first-render` mark,
//     taken after the frame: the newest 40, read by an index while the rest is read; `lectern:library-complete` when
//     the whole list is in), beside the floor measured in the same browser: the empty library page's first render;
//   - search: the index built on the first query (reported apart), then each query's answer as the user sees it
//     (typed → the list shows the results), beside a floor: a plain `includes` scan of all 2,000 texts in the same page;
//   - saving: key B in the reader → the confirmation on screen, with 2,000 articles in the library, beside the floor
//     of a toast that writes nothing (key C, copy link → "Link copied");
//   - storage per article: navigator.storage.estimate() before and after the 2,000 were written, and the records' own
//     size (entry + body, as JSON).
// Targets (issue #17): first render ≤ 200 ms, search ≤ 50 ms, saving adds ≤ 50 ms. Figures, never assertions.
// The corpus is ../shared/corpus/scrapinghub-dev next to the repo (`--corpus DIR` for another); in a clean clone
// without it, the repo's own article fixtures (tests/fixtures) stand in, and the output says so.
// Needs a build (`npm run build`). About 2–4 minutes.
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { openReaderByCommand } from '../tests/e2e/lib/extension.mjs';
import { waitFor } from '../tests/e2e/lib/wait.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: {
      type: 'string',
      default: fileURLToPath(new URL('../../shared/corpus/scrapinghub-dev/', import.meta.url)),
    },
    articles: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '9' },
  },
});
const COUNT = Number(values.articles);
const RUNS = Number(values.runs);
if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.error('No build: run `npm run build` first.');
  process.exit(2);
}

// ---- the source pages: the corpus, or the repo's fixtures ----
const decode = (s) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'");
const titleOf = (html) => decode(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '');
const withoutScripts = (html) => html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');

let sources;
let sourceName;
if (existsSync(join(values.corpus, 'ground-truth.json'))) {
  const truth = JSON.parse(readFileSync(join(values.corpus, 'ground-truth.json'), 'utf8'));
  sources = Object.entries(truth).map(([id, t]) => {
    const html = gunzipSync(readFileSync(join(values.corpus, 'html', `${id}.html.gz`))).toString('utf8');
    return {
      id: id.slice(0, 12),
      url: t.url,
      title: titleOf(html) || t.articleBody.slice(0, 60),
      text: t.articleBody,
      html,
    };
  });
  sourceName = `the corpus (${sources.length} pages of ${values.corpus})`;
} else {
  const dir = join(ROOT, 'tests/fixtures');
  sources = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && !/not-article|broken|spa/.test(f))
    .map((f) => {
      const html = readFileSync(join(dir, f), 'utf8');
      const text = decode(
        withoutScripts(html)
          .replace(/<style[\s\S]*?<\/style>/gi, '')
          .replace(/<[^>]+>/g, ' '),
      )
        .replace(/\s+/g, ' ')
        .trim();
      return {
        id: f.replace(/\.html$/, ''),
        url: `https://fixtures.example/${f}`,
        title: titleOf(html) || f,
        text,
        html,
      };
    });
  sourceName = `the repo's fixtures (${sources.length} pages; no corpus at ${values.corpus})`;
}

// ---- a local server for the pages the reader saves ----
const server = createServer((req, res) => {
  const id = /^\/page\/([\w-]+)$/.exec(req.url ?? '')?.[1];
  const source = sources.find((s) => s.id === id);
  if (!source) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(withoutScripts(source.html));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');
const load = [loadavg()[0]];

const driver = await launchChromium();
try {
  /** Opens the library page in a new tab and returns its first-render mark (ms from navigation start) and the page. */
  async function openLibrary() {
    const page = await driver.openExtensionPage('library.html');
    const at = await waitFor(
      page,
      () => performance.getEntriesByName('lectern:library-first-render')[0]?.startTime,
      undefined,
      { what: 'the library’s first render', timeout: 60_000 },
    );
    const complete = await waitFor(
      page,
      () => performance.getEntriesByName('lectern:library-complete')[0]?.startTime,
      undefined,
      { what: 'the whole list in', timeout: 60_000 },
    );
    return { page, at, complete };
  }
  const completes = new Map();
  async function firstRenders() {
    const times = [];
    const whole = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, at, complete } = await openLibrary();
      times.push(at);
      whole.push(complete);
      await page.close();
    }
    completes.set(times, whole);
    return times;
  }

  // 1. The floor: the empty library, after one opening not counted (the fresh browser's first extension page also
  // pays for starting the extension's process: 300–460 ms where the next take 130–250).
  await (await openLibrary()).page.close();
  const empty = await firstRenders();

  // 2. The 2,000 articles, written as the store writes them (entry and body in one transaction, batches of 100).
  const { page: writer } = await openLibrary();
  const before = await writer.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const now = Date.now();
  let recordBytes = 0;
  for (let start = 0; start < COUNT; start += 100) {
    const batch = [];
    for (let i = start; i < Math.min(COUNT, start + 100); i++) {
      const s = sources[i % sources.length];
      const round = Math.floor(i / sources.length);
      const id = `${s.url}${s.url.includes('?') ? '&' : '?'}copy=${round}`;
      const words = s.text.split(/\s+/).length;
      const paragraphs = s.text.split(/\n+/).filter(Boolean);
      const html = paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
      const savedAt = now - (COUNT - i) * 60_000;
      const entry = {
        id,
        url: id,
        canonical: null,
        title: round ? `${s.title} (${round + 1})` : s.title,
        byline: null,
        siteName: null,
        host: new URL(s.url).hostname.replace(/^www\./, ''),
        published: null,
        lang: 'en',
        dir: null,
        excerpt: s.text.slice(0, 200),
        wordCount: words,
        readingMinutes: Math.max(1, Math.round(words / 230)),
        savedAt,
        updatedAt: savedAt,
        state: ['unread', 'reading', 'finished', 'archived'][i % 7 === 0 ? 3 : i % 3],
        tags: i % 5 === 0 ? ['later'] : [],
        progress: (i % 3) / 3,
        images: { kept: 0, left: 0 },
        pending: false,
        stamps: { meta: savedAt, state: savedAt, tags: savedAt, progress: savedAt },
      };
      const body = { id, html, text: s.text, leadImage: null };
      recordBytes += Buffer.byteLength(JSON.stringify(entry)) + Buffer.byteLength(JSON.stringify(body));
      batch.push({ entry, body });
    }
    await writer.evaluate(
      (batch) =>
        new Promise((resolve, reject) => {
          const open = globalThis.indexedDB.open('lectern-library');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['entries', 'bodies'], 'readwrite');
            for (const { entry, body } of batch) {
              tx.objectStore('entries').put(entry);
              tx.objectStore('bodies').put(body);
            }
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      batch,
    );
  }
  const after = await writer.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await writer.close();

  // 3. The full library's first render, and what reading its entries alone takes in such a page.
  const full = await firstRenders();
  const { page: reading } = await openLibrary();
  const readEntries = await reading.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = globalThis.indexedDB.open('lectern-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const t0 = performance.now();
          const request = open.result.transaction('entries').objectStore('entries').getAll();
          request.onsuccess = () => {
            resolve(performance.now() - t0);
            open.result.close();
          };
        };
      }),
  );
  await reading.close();

  // 4. Search, as typed, in a library page showing the 2,000; and the floor: a plain includes scan in the same page.
  const QUERIES = ['government', 'climate', 'football', 'the market', 'smartphone', 'photograph'];
  const { page: library } = await openLibrary();
  await library.evaluate(() => {
    // Every state shown, so the search runs over all 2,000.
    const select = document.querySelector('[data-control="state"]');
    select.value = 'all';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const type = (query) =>
    library.evaluate(
      (query) =>
        new Promise((resolve) => {
          const input = document.querySelector('[data-lectern="library-search"]');
          const count = document.querySelector('.library-count');
          const list = document.querySelector('.library-list');
          const was = count.textContent + '|' + (list.firstElementChild?.dataset.id ?? '');
          const t0 = performance.now();
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const check = () => {
            const is = count.textContent + '|' + (list.firstElementChild?.dataset.id ?? '');
            if (is !== was || (!query && performance.now() - t0 > 5000))
              resolve({ ms: performance.now() - t0, shown: count.textContent });
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      query,
    );
  const clear = () => type('');
  const firstQuery = await type('weather');
  await clear();
  const answers = [];
  for (const q of QUERIES) {
    for (let run = 0; run < 3; run++) {
      answers.push({ q, ...(await type(q)) });
      await clear();
    }
  }
  const scan = await library.evaluate(
    (queries) =>
      new Promise((resolve, reject) => {
        const open = globalThis.indexedDB.open('lectern-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('bodies').objectStore('bodies').getAll();
          request.onsuccess = () => {
            const texts = request.result.map((b) => b.text.toLowerCase());
            const times = [];
            for (const q of queries)
              for (let run = 0; run < 3; run++) {
                const t0 = performance.now();
                const words = q.toLowerCase().split(/\s+/);
                texts.filter((t) => words.every((w) => t.includes(w)));
                times.push(performance.now() - t0);
              }
            open.result.close();
            resolve(times);
          };
        };
      }),
    QUERIES,
  );
  await library.close();

  // 5. Saving from the reader with 2,000 in the library (key B → the toast), beside a toast that writes nothing (C).
  const toastAfter = async (reader, key) => {
    // The clock starts at the real key press (the reader's own keydown, in its capture phase) and stops when the
    // toast is in the page.
    await reader.evaluate(() => {
      window.__toast = new Promise((resolve) => {
        let t0 = 0;
        globalThis.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (t0 && document.querySelector('[data-lectern="toast"]')) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await reader.keyboard.press(key);
    return reader.evaluate(() => window.__toast);
  };
  const saves = [];
  const copies = [];
  for (let i = 0; saves.length < RUNS && i < sources.length; i++) {
    const s = sources[(i * 7) % sources.length];
    const page = await driver.newPage(`${base}/page/${s.id}`);
    try {
      const reader = await openReaderByCommand(driver, page);
      await waitFor(reader, () => !!document.querySelector('[data-lectern="article"] p'), undefined, {
        what: 'article',
      });
      await reader.bringToFront();
      copies.push(await toastAfter(reader, 'c'));
      await waitFor(reader, () => !document.querySelector('[data-lectern="toast"]'), undefined, {
        what: 'the toast gone',
        timeout: 15_000,
      });
      saves.push(await toastAfter(reader, 'b'));
      await reader.close();
    } catch (error) {
      console.error(`page ${s.id} left out of the save runs: ${error.message}`);
    }
    await page.close();
  }
  load.push(loadavg()[0]);

  // ---- the figures ----
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const perArticle = (after - before) / COUNT;
  console.log(
    `\nLectern's library at ${COUNT} articles, headless Chromium — ${cpus().length} × ${cpu}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(`articles made from ${sourceName}; no images (the generated bodies are text)`);
  console.log(`load average (1 min): ${load.map((x) => x.toFixed(1)).join(' → ')} (${cpus().length} cores)\n`);
  const rows = [
    [
      'first render of the list, median of ' + RUNS,
      ms(median(full)),
      '≤ 200 ms',
      `empty library: ${ms(median(empty))}`,
    ],
    ['  (each run)', full.map((x) => x.toFixed(0)).join(', '), '', empty.map((x) => x.toFixed(0)).join(', ')],
    [
      'the whole list in (count, sites, tags), median',
      ms(median(completes.get(full))),
      '',
      `empty library: ${ms(median(completes.get(empty)))}`,
    ],
    [`reading all ${COUNT} entries alone (getAll)`, ms(readEntries), '', ''],
    ['search: index built on the first query', ms(firstQuery.ms), '—', ''],
    [
      `search: answer as typed, median of ${answers.length}`,
      ms(median(answers.map((a) => a.ms))),
      '≤ 50 ms',
      `includes scan: ${ms(median(scan))}`,
    ],
    ['  (max)', ms(Math.max(...answers.map((a) => a.ms))), '', ms(Math.max(...scan))],
    [`saving (B → toast), median of ${RUNS}`, ms(median(saves)), '', `a toast alone (C): ${ms(median(copies))}`],
    ['saving adds', ms(median(saves) - median(copies)), '≤ 50 ms', ''],
    ['storage per article (estimate() delta)', `${(perArticle / 1024).toFixed(1)} kB`, 'reported', ''],
    ['records per article (entry + body JSON)', `${(recordBytes / COUNT / 1024).toFixed(1)} kB`, 'reported', ''],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c]).length), 8));
  const line = (r) => r.map((x, c) => String(x).padEnd(widths[c])).join(' | ');
  console.log(line(['measure', 'Lectern', 'target', 'floor / peer (same run)']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nqueries: ${QUERIES.join(', ')} (each 3 times; shown: ${[...new Set(answers.map((a) => `${a.q} → ${a.shown}`))].join('; ')})`,
  );
} finally {
  await driver.close();
  server.close();
}
