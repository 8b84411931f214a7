#!/usr/bin/env node
// `npm run bench:annotate`: how long re-attaching highlights takes (utils/annotate anchorQuote) on a long article, next
// to a floor measured in the same run: plain `indexOf` of the same quotes. It prints numbers; it asserts nothing.
//
//   npm run bench:annotate -- [--runs N]
//
// The article: 20,000 words of made-up prose (a seeded generator, so every run reads the same text), 200 highlights of
// 2–30 words spread over it. Three cases, each timed over all 200 highlights, the median of N runs (default 25) after a
// warm-up: the page unchanged (the position hint holds); the page with a paragraph added at the top (every hint off,
// each quote found by its text and context); and that plus one word changed inside every fifth quote (those need the
// approximate search). The floor is `text.indexOf(exact)` for the 200 quotes of the same text.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { seededRandom, sourceLoader } from './lib/source.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '25' } } });
const RUNS = Math.max(1, Number(values.runs) || 25);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const rand = seededRandom(16);
const pick = (list) => list[Math.floor(rand() * list.length)];
const SHORT = ['the', 'of', 'and', 'a', 'to', 'in', 'is', 'it', 'that', 'on', 'was', 'for', 'with', 'as', 'by'];
const LONG = Array.from({ length: 3000 }, () => {
  let word = '';
  const length = 3 + Math.floor(rand() * 8);
  while (word.length < length) word += String.fromCharCode(97 + Math.floor(rand() * 26));
  return word;
});

function article(words) {
  const out = [];
  let sentence = 0;
  for (let i = 0; i < words; i++) {
    let word = rand() < 0.4 ? pick(SHORT) : pick(LONG);
    if (sentence === 0) word = word[0].toUpperCase() + word.slice(1);
    sentence++;
    const end = sentence > 8 && rand() < 0.15;
    out.push(end ? `${word}.` : word);
    if (end) {
      sentence = 0;
      out.push(rand() < 0.2 ? '\n\n' : ' ');
    } else out.push(' ');
  }
  return out.join('');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(fn) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const vite = await sourceLoader(ROOT);
try {
  const { anchorQuote, describeRange } = await vite.ssrLoadModule('/utils/annotate/index.ts');
  const text = article(20_000);
  const wordStarts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const passages = Array.from({ length: 200 }, (_, i) => {
    const first = Math.floor(((i + rand()) / 200) * (wordStarts.length - 40));
    const last = first + 1 + Math.floor(rand() * 29);
    return { start: wordStarts[first].start, end: wordStarts[last].end };
  });
  const selectors = passages.map((p) => describeRange(text, p.start, p.end));

  const added = `${article(120)}\n\n`;
  const moved = added + text;
  // Every fifth quote: its middle word replaced (working from the end, so earlier offsets stay true).
  let edited = moved;
  const shifted = passages.map((p) => ({ start: p.start + added.length, end: p.end + added.length }));
  const expected = shifted.map((p) => ({ ...p }));
  for (let i = passages.length - 1; i >= 0; i--) {
    if (i % 5 !== 0) continue;
    const p = expected[i];
    const inner = [...edited.slice(p.start, p.end).matchAll(/\S+/g)];
    if (inner.length < 3) continue;
    const word = inner[Math.floor(inner.length / 2)];
    const at = p.start + word.index;
    const replacement = pick(LONG);
    edited = edited.slice(0, at) + replacement + edited.slice(at + word[0].length);
    const delta = replacement.length - word[0].length;
    p.end += delta;
    for (let j = i + 1; j < expected.length; j++) {
      expected[j].start += delta;
      expected[j].end += delta;
    }
  }

  const anchorAll = (t) => selectors.map((s) => anchorQuote(t, s));
  const floor = (t) => selectors.map((s) => t.indexOf(s.quote.exact));
  const outcome = (found, truth) => {
    let right = 0;
    let orphaned = 0;
    let wrong = 0;
    found.forEach((f, i) => {
      if (!f) orphaned++;
      else if (f.start < truth[i].end && f.end > truth[i].start) right++;
      else wrong++;
    });
    return `${right} re-attached, ${orphaned} orphaned, ${wrong} wrong`;
  };

  console.log(
    `Article: ${wordStarts.length.toLocaleString('en')} words, ${text.length.toLocaleString('en')} characters; ` +
      `200 highlights of ${Math.min(...selectors.map((s) => s.quote.exact.length))}–` +
      `${Math.max(...selectors.map((s) => s.quote.exact.length))} characters; median of ${RUNS} runs (min–max)`,
  );
  const row = (label, t, what) =>
    console.log(
      `${label.padEnd(58)} ${t.median.toFixed(2).padStart(7)} ms  (${t.min.toFixed(2)}–${t.max.toFixed(2)})${what ? `  ${what}` : ''}`,
    );
  row(
    'unchanged page: anchorQuote × 200',
    time(() => anchorAll(text)),
    outcome(anchorAll(text), passages),
  );
  row(
    'floor: indexOf × 200, same text',
    time(() => floor(text)),
  );
  row(
    'paragraph added at the top: anchorQuote × 200',
    time(() => anchorAll(moved)),
    outcome(anchorAll(moved), shifted),
  );
  row(
    'floor: indexOf × 200, same text',
    time(() => floor(moved)),
  );
  row(
    'that, and a word changed in every 5th quote: anchorQuote × 200',
    time(() => anchorAll(edited)),
    outcome(anchorAll(edited), expected),
  );
  row(
    'floor: indexOf × 200, same text',
    time(() => floor(edited)),
  );
  console.log(`Node ${process.version}, ${process.arch}`);
} finally {
  await vite.close();
}
