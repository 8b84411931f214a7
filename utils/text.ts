/** Plain text of rendered HTML: whitespace as a browser collapses it, a blank line between blocks, <pre> kept as is. */

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

/** Marks a block boundary while walking; never occurs in page text (parsers drop NUL). */
const BREAK = '\u0000';
/** Block boundaries in a row, with the collapsed spaces around them: one blank line. */
const BREAK_RUN = new RegExp(` *${BREAK}[${BREAK} ]*`, 'g');

export interface TextOptions {
  /** Leave out figure captions (`<figcaption>`): the running text of an article, as read aloud or counted. */
  skipCaptions?: boolean;
}

export function textOf(root: Node, options: TextOptions = {}): string {
  const parts: string[] = [];
  // An explicit stack instead of recursion: pages nest thousands of elements deep.
  const stack: Array<{ node: Node; pre: boolean } | typeof BREAK> = [{ node: root, pre: false }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === BREAK) {
      parts.push(BREAK);
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
    const block = BLOCK.test(tag);
    if (block) {
      parts.push(BREAK);
      stack.push(BREAK);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, pre: pre || tag === 'PRE' });
  }
  return parts
    .join('')
    .replace(BREAK_RUN, '\n\n')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}
