/**
 * Plain text of rendered HTML: whitespace as a browser collapses it, a blank line between blocks, a line per table row
 * with its cells separated by tabs, a line break for <br>, <pre> kept as is.
 */

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DETAILS|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|UL)$/;

/** Marks a block boundary while walking; never occurs in page text (parsers drop NUL). */
const BREAK = '\u0000';
/** Marks a line break (a table row, a <br>). */
const LINE = '\u0001';
/** Marks the end of a table cell. */
const CELL = '\u0002';
/** Block boundaries in a row, with the whitespace and smaller breaks around them: one blank line. */
const BREAK_RUN = new RegExp(`[ \\n${LINE}${CELL}]*${BREAK}[${BREAK}${LINE}${CELL} \\n]*`, 'g');
const LINE_RUN = new RegExp(`[ ${CELL}]*${LINE}[${LINE}${CELL} ]*`, 'g');
const CELL_RUN = new RegExp(` *${CELL}[${CELL} ]*`, 'g');

export interface TextOptions {
  /** Leave out figure captions (`<figcaption>`): the running text of an article, as read aloud or counted. */
  skipCaptions?: boolean;
}

export function textOf(root: Node, options: TextOptions = {}): string {
  const parts: string[] = [];
  // An explicit stack instead of recursion: pages nest thousands of elements deep.
  const stack: Array<{ node: Node; pre: boolean } | string> = [{ node: root, pre: false }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const { node, pre } = item;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(pre ? data : data.replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (options.skipCaptions && tag === 'FIGCAPTION') continue;
    const mark = BLOCK.test(tag) ? BREAK : tag === 'TR' || tag === 'BR' ? LINE : null;
    if (mark) {
      parts.push(mark);
      stack.push(mark);
    } else if (tag === 'TD' || tag === 'TH') {
      stack.push(CELL);
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push({ node: c, pre: pre || tag === 'PRE' });
  }
  return parts
    .join('')
    .replace(BREAK_RUN, '\n\n')
    .replace(LINE_RUN, '\n')
    .replace(CELL_RUN, '\t')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}
