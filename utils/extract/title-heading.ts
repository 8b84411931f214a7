/**
 * The article's own copy of its title. Readability drops a heading that repeats the title, but it compares words split
 * on `\W`, which is ASCII only: in Arabic, Hebrew, Russian, Greek… every word is a separator, the similarity is 0 and
 * the title shows twice (once in the reader's header, once as the article's first heading). Here words are letters and
 * digits of any script.
 */

/** Headings this far into the article (characters of text before them) still open it. */
const OPENING_TEXT = 200;

/** Lower-case words of any script, in Unicode's compatibility form (so ligatures and presentation forms compare). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/**
 * How much of `b` is made of words that are also in `a`, weighted by length, 0 to 1: Readability's measure
 * (`_textSimilarity`), with words of every script.
 */
export function similarity(a: string, b: string): number {
  const wordsA = new Set(wordsOf(a));
  const wordsB = wordsOf(b);
  if (!wordsA.size || !wordsB.length) return 0;
  const extra = wordsB.filter((w) => !wordsA.has(w)).join(' ').length;
  return 1 - extra / wordsB.join(' ').length;
}

/**
 * Removes the article's first `<h1>`/`<h2>` when it opens the article (little text before it) and says what `title`
 * says (the threshold Readability uses, 0.75). Returns whether it did.
 */
export function dropTitleHeading(article: Element, title: string): boolean {
  const heading = article.querySelector('h1, h2');
  if (!heading) return false;
  const range = article.ownerDocument.createRange();
  range.setStart(article, 0);
  range.setEndBefore(heading);
  if (range.toString().trim().length > OPENING_TEXT) return false;
  if (similarity(title, heading.textContent ?? '') <= 0.75) return false;
  heading.remove();
  return true;
}
