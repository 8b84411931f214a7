// Pages that are not ordinary articles, generated where a static file would be unwieldy.
const PARAGRAPH =
  'The keepers wrote down the wind, the sea, the ships that passed and the oil that was burned, every night for a ' +
  'century, and the entries now let historians date storms that appear in no other record of the coast.';

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** An article of about `megabytes` MB of text, in paragraphs under headings. */
export function hugeArticle(megabytes) {
  const parts = [`<article><h1>The complete log</h1>`];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const chunk = `${i % 50 === 0 ? `<h2>Volume ${i / 50 + 1}</h2>` : ''}<p>Entry ${i + 1}. ${PARAGRAPH}</p>`;
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push('<p>The last entry of the complete log.</p></article>');
  return page('The complete log', parts.join(''));
}

/** An article whose text sits `depth` elements deep. */
export function deepArticle(depth) {
  const text = Array.from({ length: 8 }, (_, i) => `<p>Deep paragraph ${i + 1}. ${PARAGRAPH}</p>`).join('');
  return page(
    'A deeply nested page',
    `${'<div>'.repeat(depth)}<article><h1>A deeply nested page</h1>${text}<p>Bottom of the well.</p></article>${'</div>'.repeat(depth)}`,
  );
}

/** The start of an article whose response never ends (the browser keeps loading it). */
export function startOfArticle() {
  const text = Array.from({ length: 8 }, (_, i) => `<p>Early paragraph ${i + 1}. ${PARAGRAPH}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Still loading</title></head><body><article><h1>Still loading</h1>${text}`;
}
