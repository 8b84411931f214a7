import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, anchorQuote, describeRange, type TextRange } from './anchor';

/** Words of a made-up language, with the short words that repeat in every text (what makes short quotes ambiguous). */
const WORDS = [
  ...['the', 'of', 'and', 'a', 'to', 'in', 'is', 'it', 'that', 'on'],
  ...Array.from({ length: 200 }, (_, i) => {
    let word = '';
    for (let n = i * 7919 + 13; word.length < 3 + (i % 7); n = Math.floor(n / 26) + i * 31 + word.length * 17) {
      word += String.fromCharCode(97 + (n % 26));
    }
    return word;
  }),
];

/**
 * Words an edit brings: new to the text (Greek letters), so that an insertion never re-creates the quoted words next
 * to their place — that would be the passage itself, and no anchoring could tell otherwise. (Copies of the quoted
 * words elsewhere are tested on their own, as pull quotes.)
 */
const NEW_WORDS = WORDS.slice(10, 60).map((w) =>
  w.replace(/[a-x]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x3b1 - 97)),
);

const words = (min: number, max: number, from = WORDS) =>
  fc.array(fc.constantFrom(...from), { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** An article-like text: sentences of words, paragraphs separated by blank lines. */
const article = fc
  .array(
    words(4, 18).map((s) => `${s[0]!.toUpperCase()}${s.slice(1)}.`),
    { minLength: 20, maxLength: 80 },
  )
  .map((sentences) => sentences.map((s, i) => (i % 5 === 4 ? `${s}\n\n` : `${s} `)).join(''));

interface Edit {
  /** Where, relative to the quoted passage. */
  where: 'before' | 'after' | 'inside' | 'far';
  kind: 'insert' | 'delete' | 'replace';
  /** 0…1: the place within the zone. */
  at: number;
  length: number;
  text: string;
}

const edit = (zones: Edit['where'][]) =>
  fc.record({
    where: fc.constantFrom(...zones),
    kind: fc.constantFrom<Edit['kind'][]>('insert', 'delete', 'replace'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 12 }),
    text: words(1, 3, NEW_WORDS).map((s) => ` ${s}`),
  });

/** Applies an edit to the text and tracks where the quoted passage [start, end) went (what a correct anchor finds). */
function apply(text: string, span: TextRange, e: Edit): { text: string; span: TextRange } {
  const zone: [number, number] =
    e.where === 'before'
      ? [Math.max(0, span.start - 40), span.start]
      : e.where === 'after'
        ? [span.end, Math.min(text.length, span.end + 40)]
        : e.where === 'inside'
          ? [span.start, span.end]
          : span.start > text.length - span.end
            ? [0, Math.max(0, span.start - 80)]
            : [Math.min(text.length, span.end + 80), text.length];
  const from = Math.round(zone[0] + (zone[1] - zone[0]) * e.at);
  // Edits outside the passage stay outside it (a deletion before it ends where it starts, at the latest).
  const limit = e.where === 'before' ? span.start : e.where === 'inside' ? span.end : text.length;
  const to = e.kind === 'insert' ? from : Math.min(limit, from + e.length);
  const inserted = e.kind === 'delete' ? '' : e.text;
  const shift = (p: number, atBoundaryMoves: boolean): number => {
    const removed = Math.max(0, Math.min(p, to) - from);
    const moved = from < p || (from === p && atBoundaryMoves) ? inserted.length : 0;
    return p - removed + moved;
  };
  return {
    text: text.slice(0, from) + inserted + text.slice(to),
    // Text inserted right at the passage's start is outside it ("before"), inside it ("inside") belongs to it.
    span: {
      start: shift(span.start, e.where !== 'inside'),
      end: shift(span.end, e.where !== 'after'),
    },
  };
}

/**
 * Right: on the passage as the edits left it. Its edges may move into the context next to it, by no more than the
 * context kept: where a deleted word matched the word beside it, which of the two went is a matter of alignment
 * ("ctvqlcu citis [citis wy]npjz" reads the same as "ctvqlcu [citis ]citis [wy]npjz").
 */
function isRight(found: TextRange, truth: TextRange): boolean {
  const overlap = Math.min(found.end, truth.end) - Math.max(found.start, truth.start);
  return overlap > 0 && found.start >= truth.start - CONTEXT_LENGTH && found.end <= truth.end + CONTEXT_LENGTH;
}

/** A passage of whole words inside the text, from `a` and `b` (0…1). */
function passage(text: string, a: number, b: number, minWords: number, maxWords: number): TextRange {
  const starts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const first = Math.floor(a * (starts.length - maxWords));
  const last = first + minWords - 1 + Math.floor(b * (maxWords - minWords + 1));
  return { start: starts[first]!.start, end: starts[Math.min(last, starts.length - 1)]!.end };
}

const runs = (seed: number) => ({ seed, numRuns: 400 });

describe('describeRange', () => {
  it('keeps the quote and 32 characters of context on each side, and the position', () => {
    const text = 'x'.repeat(40) + 'QUOTED' + 'y'.repeat(40);
    expect(describeRange(text, 40, 46)).toEqual({
      quote: { type: 'TextQuoteSelector', exact: 'QUOTED', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) },
      position: { type: 'TextPositionSelector', start: 40, end: 46 },
    });
    expect(describeRange('QUOTED rest', 0, 6).quote.prefix).toBe('');
  });
});

describe('anchorQuote', () => {
  const text = 'One fish. Two fish. Red fish. Blue fish. The end of the story, said the fish.';

  it('finds an unchanged passage where it was', () => {
    const selectors = describeRange(text, text.indexOf('Red fish'), text.indexOf('Red fish') + 8);
    expect(anchorQuote(text, selectors)).toEqual({ start: 20, end: 28 });
  });

  it('tells a repeated word apart by its context, even when the position moved', () => {
    const at = text.indexOf('fish', 25); // "Red fish"'s fish
    const selectors = describeRange(text, at, at + 4);
    const moved = `Preface. ${text}`;
    expect(anchorQuote(moved, selectors)).toEqual({ start: at + 9, end: at + 13 });
  });

  it('re-attaches a passage with a word changed inside it', () => {
    const long = 'Before it all. The committee approved the new budget on Tuesday evening after a long debate. After.';
    const start = long.indexOf('The committee');
    const end = long.indexOf(' After.');
    const selectors = describeRange(long, start, end);
    const edited = long.replace('Tuesday', 'Wednesday');
    const found = anchorQuote(edited, selectors);
    expect(found && edited.slice(found.start, found.end)).toBe(
      'The committee approved the new budget on Wednesday evening after a long debate.',
    );
  });

  it('orphans a passage that is gone, and one whose words now stand only in another context', () => {
    const long = 'Intro words here. The quick brown fox jumps over the lazy dog. Outro words there.';
    const start = long.indexOf('The quick');
    const selectors = describeRange(long, start, start + 'The quick brown fox'.length);
    expect(anchorQuote('Intro words here. Something else entirely. Outro words there.', selectors)).toBeNull();
    // The same words, but in a sentence about something else: no side of the context backs them.
    expect(
      anchorQuote('Totally new opening line! The quick brown fox. Unrelated closing remark?', selectors),
    ).toBeNull();
  });

  it('orphans rather than guesses between two equal candidates', () => {
    const selectors = describeRange('aaa XYZ bbb', 4, 7);
    expect(anchorQuote('ccc XYZ ddd ccc XYZ ddd', selectors)).toBeNull();
    expect(anchorQuote('', selectors)).toBeNull();
  });

  it('edits far from a passage: it is found, exactly where it went (fixed seed)', () => {
    fc.assert(
      fc.property(
        article,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(edit(['far']), { minLength: 1, maxLength: 6 }),
        (original, a, b, edits) => {
          let span = passage(original, a, b, 1, 12);
          const selectors = describeRange(original, span.start, span.end);
          let text = original;
          for (const e of edits) ({ text, span } = apply(text, span, e));
          expect(anchorQuote(text, selectors)).toEqual(span);
        },
      ),
      runs(1601),
    );
  });

  it('edits around and inside a passage: re-attached to it or orphaned, never on other words (fixed seed)', () => {
    fc.assert(
      fc.property(
        article,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(edit(['before', 'after', 'inside', 'far']), { minLength: 1, maxLength: 8 }),
        (original, a, b, edits) => {
          let span = passage(original, a, b, 1, 25);
          const selectors = describeRange(original, span.start, span.end);
          let text = original;
          for (const e of edits) ({ text, span } = apply(text, span, e));
          const found = anchorQuote(text, selectors);
          if (found)
            expect(
              isRight(found, span),
              JSON.stringify({
                found,
                span,
                quote: selectors.quote,
                text: text.slice(0, 300),
                there: text.slice(found ? found.start - 40 : 0, found ? found.end + 40 : 0),
              }),
            ).toBe(true);
        },
      ),
      runs(1602),
    );
  });

  it('a copy of the passage elsewhere (a pull quote) never takes the highlight when its own place changes (fixed seed)', () => {
    fc.assert(
      fc.property(
        article,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(edit(['before', 'after', 'inside']), { minLength: 0, maxLength: 8 }),
        (original, a, b, c, edits) => {
          let span = passage(original, a, b, 2, 12);
          const quoted = original.slice(span.start, span.end);
          const selectors = describeRange(original, span.start, span.end);
          let text = original;
          for (const e of edits) ({ text, span } = apply(text, span, e));
          // The copy goes at a sentence boundary away from the passage, with its own context.
          const boundaries = [...text.matchAll(/\. /g)].map((m) => m.index + 2);
          const away = boundaries.filter((p) => p < span.start - 40 || p > span.end + 40);
          fc.pre(away.length > 0);
          const at = away[Math.floor(c * away.length)]!;
          const copy = `Pull quote: ${quoted} end of pull quote. `;
          text = text.slice(0, at) + copy + text.slice(at);
          if (at <= span.start) span = { start: span.start + copy.length, end: span.end + copy.length };
          const found = anchorQuote(text, selectors);
          if (found)
            expect(
              isRight(found, span),
              JSON.stringify({
                found,
                span,
                quote: selectors.quote,
                text: text.slice(0, 300),
                there: text.slice(found ? found.start - 40 : 0, found ? found.end + 40 : 0),
              }),
            ).toBe(true);
        },
      ),
      runs(1603),
    );
  });

  it('one small change inside a long passage: still re-attached, to it (fixed seed)', () => {
    fc.assert(
      fc.property(
        article,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('insert', 'delete', 'replace'),
        (original, a, b, at, kind) => {
          let span = passage(original, a, b, 8, 20);
          const selectors = describeRange(original, span.start, span.end);
          let text = original;
          ({ text, span } = apply(text, span, { where: 'inside', kind, at, length: 2, text: 'zz' }));
          const found = anchorQuote(text, selectors);
          expect(
            found && isRight(found, span),
            JSON.stringify({
              found,
              span,
              quote: selectors.quote,
              text: text.slice(0, 300),
              there: text.slice(found ? found.start - 40 : 0, found ? found.end + 40 : 0),
            }),
          ).toBe(true);
        },
      ),
      runs(1604),
    );
  });
});
