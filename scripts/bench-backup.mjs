#!/usr/bin/env node
// `npm run bench:backup`: how long making and reading a big library backup takes (utils/library backupParts and
// readBackup), and the longest the page would be held between two of the pauses they make, next to floors measured
// in the same run: `JSON.parse` of the same file alone (what "parse once" can't go under) and Node's native base64
// decoding of the same images. It prints numbers; it asserts nothing.
//
//   npm run bench:backup -- [--articles N] [--runs N]
//
// The library: N articles (default 150), each with 5 paragraphs of text and 4 images of 75 kB of seeded random bytes
// (random bytes don't compress, like real JPEGs): about 45 MB of images, a file of about 60 MB.
import { Blob, Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { seededRandom, sourceLoader } from './lib/source.mjs';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '150' }, runs: { type: 'string', default: '3' } },
});
const ARTICLES = Math.max(1, Number(values.articles) || 150);
const RUNS = Math.max(1, Number(values.runs) || 3);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const rand = seededRandom(17);

/** Times `run`, and the longest stretch between two calls of the `pause` it is given (the page held that long). */
async function timed(run) {
  let last = performance.now();
  let longest = 0;
  const pause = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    return new Promise((resolve) => setImmediate(resolve)).then(() => (last = performance.now()));
  };
  const start = performance.now();
  const result = await run(pause);
  const end = performance.now();
  return { ms: end - start, longest: Math.max(longest, end - last), result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

const vite = await sourceLoader(ROOT);
try {
  const { backupParts, entryToSave, readBackup } = await vite.ssrLoadModule('/utils/library/index.ts');
  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const text = Array.from({ length: 5 }, () => 'Words of a long paragraph about the sea. '.repeat(20)).join('\n');
    const { entry, body } = entryToSave(
      {
        url: `https://site${i % 20}.example/article-${i}`,
        canonical: null,
        title: `Article ${i}`,
        byline: null,
        siteName: null,
        published: null,
        lang: 'en',
        dir: 'ltr',
        excerpt: null,
        html: `<p>${text}</p>`,
        text,
        wordCount: 800,
        readingMinutes: 4,
        leadImage: null,
      },
      { kept: 4, left: 0 },
      1_700_000_000_000 + i,
      null,
    );
    const images = Array.from({ length: 4 }, (_, n) => {
      const bytes = new Uint8Array(75_000);
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(rand() * 256);
      return {
        articleId: entry.id,
        src: `https://img.example/${i}-${n}.jpg`,
        blob: new Blob([bytes], { type: 'image/jpeg' }),
      };
    });
    return { entry, body, images, highlights: [] };
  });

  const make = [];
  const read = [];
  const parseFloor = [];
  const decodeFloor = [];
  let text = '';
  for (let run = 0; run < RUNS; run++) {
    const made = await timed((pause) => backupParts(articles, new Date(0), pause));
    make.push(made);
    text = made.result.join('');
    const back = await timed((pause) => readBackup(text, pause));
    if (!back.result.ok) throw new Error(`the backup didn't read back: ${back.result.problem}`);
    read.push(back);
    let start = performance.now();
    const parsed = JSON.parse(text);
    parseFloor.push(performance.now() - start);
    start = performance.now();
    for (const article of parsed.articles) for (const image of article.images) Buffer.from(image.data, 'base64');
    decodeFloor.push(performance.now() - start);
  }
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Node ${process.version}, ${process.arch}; ${ARTICLES} articles, ${mb(ARTICLES * 4 * 75_000)} of images`);
  console.log(`backup file: ${mb(Buffer.byteLength(text))}; median of ${RUNS} runs`);
  console.log(
    `make the file (backupParts):  ${ms(median(make.map((r) => r.ms)))}, longest hold ${ms(median(make.map((r) => r.longest)))}`,
  );
  console.log(
    `read it back (readBackup):    ${ms(median(read.map((r) => r.ms)))}, longest hold ${ms(median(read.map((r) => r.longest)))}`,
  );
  console.log(`floor: JSON.parse alone      ${ms(median(parseFloor))} (one hold, can't be split)`);
  console.log(`floor: native base64 decode  ${ms(median(decodeFloor))}`);
} finally {
  await vite.close();
}
