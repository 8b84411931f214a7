/**
 * A formula of a saved article as the presentation MathML an EPUB 3 chapter may carry: rebuilt from an allowlist of
 * elements and attributes (each value checked against what MathML's schema takes), with the number of arguments the
 * schema requires of a fraction, a root or a script. What doesn't fit (an element outside the list, a fraction of one
 * argument) gives null, and the caller writes the formula's TeX source instead: one odd element must not make the book
 * fail validation.
 */
import { xmlAttr, xmlText } from './xml';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Token elements: text only. */
const TOKEN = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);
/** Elements taking any number of arguments (an inferred row). */
const ROW = new Set(['mrow', 'mstyle', 'merror', 'mpadded', 'mphantom', 'msqrt', 'menclose', 'mtd']);
/** Elements taking exactly this many arguments. */
const ARITY: Record<string, number> = {
  mfrac: 2,
  mroot: 2,
  msub: 2,
  msup: 2,
  msubsup: 3,
  munder: 2,
  mover: 2,
  munderover: 3,
};
/** Elements whose children are all of one kind. */
const ROWS_OF: Record<string, string> = { mtable: 'mtr', mtr: 'mtd' };

const BOOLEAN = /^(true|false)$/;
const LENGTH = /^-?(\d+(\.\d+)?|\.\d+)(em|ex|px|in|cm|mm|pt|pc)$|^0$/;
const ALIGN = /^(left|center|right)( (left|center|right))*$/;
const VARIANTS = new RegExp(
  '^(normal|bold|italic|bold-italic|double-struck|bold-fraktur|script|bold-script|fraktur|sans-serif|' +
    'bold-sans-serif|sans-serif-italic|sans-serif-bold-italic|monospace)$',
);
/** The attributes kept, each with the values it may have. */
const ATTRIBUTES: Record<string, RegExp> = {
  mathvariant: VARIANTS,
  displaystyle: BOOLEAN,
  scriptlevel: /^[+-]?\d{1,2}$/,
  stretchy: BOOLEAN,
  fence: BOOLEAN,
  separator: BOOLEAN,
  largeop: BOOLEAN,
  movablelimits: BOOLEAN,
  symmetric: BOOLEAN,
  accent: BOOLEAN,
  accentunder: BOOLEAN,
  form: /^(prefix|infix|postfix)$/,
  lspace: LENGTH,
  rspace: LENGTH,
  width: LENGTH,
  minsize: LENGTH,
  maxsize: LENGTH,
  linethickness: /^(thin|medium|thick)$|^-?(\d+(\.\d+)?|\.\d+)(em|ex|px|in|cm|mm|pt|pc)$|^0$/,
  columnalign: ALIGN,
  rowalign: /^(top|bottom|center|baseline|axis)( (top|bottom|center|baseline|axis))*$/,
  rowspan: /^[1-9]\d{0,2}$/,
  columnspan: /^[1-9]\d{0,2}$/,
  notation: /^[a-z]+( [a-z]+)*$/,
  dir: /^(ltr|rtl)$/,
};

/** Thrown inside the rebuild when the formula doesn't fit; caught by `mathml`. */
class DoesNotFit extends Error {}

function attributes(el: Element): string {
  let text = '';
  for (const { name, value } of el.attributes) {
    const allowed = ATTRIBUTES[name];
    if (allowed?.test(value.trim())) text += ` ${name}="${xmlAttr(value.trim())}"`;
  }
  return text;
}

/** An annotation (KaTeX's and MathJax's TeX, say): no argument, and left out of the book. */
const isAnnotation = (el: Element): boolean => /^annotation/.test(el.localName);

/** The element children that are arguments. */
function argumentsOf(el: Element): Element[] {
  return [...el.children].filter((child) => !isAnnotation(child));
}

function write(el: Element): string {
  const tag = el.localName.toLowerCase();
  // KaTeX and MathJax wrap the formula with its TeX: the formula is the first argument, the TeX is the alttext.
  if (tag === 'semantics') {
    const [first] = argumentsOf(el);
    if (!first) throw new DoesNotFit();
    return write(first);
  }
  if (TOKEN.has(tag)) return `<${tag}${attributes(el)}>${xmlText(el.textContent ?? '')}</${tag}>`;
  if (tag === 'mspace') return `<mspace${attributes(el)}/>`;
  const args = argumentsOf(el);
  const arity = ARITY[tag];
  if (arity !== undefined && args.length !== arity) throw new DoesNotFit();
  const rowsOf = ROWS_OF[tag];
  if (rowsOf !== undefined && args.some((child) => child.localName !== rowsOf)) throw new DoesNotFit();
  if (arity === undefined && rowsOf === undefined && !ROW.has(tag)) throw new DoesNotFit();
  return `<${tag}${attributes(el)}>${inner(el, ROW.has(tag))}</${tag}>`;
}

/** The children of an element: in a row, words between arguments go into an mtext; elsewhere they don't fit. */
function inner(el: Element, textAllowed: boolean): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) {
      const words = (node.nodeValue ?? '').trim();
      if (!words) continue;
      if (!textAllowed) throw new DoesNotFit();
      text += `<mtext>${xmlText(words)}</mtext>`;
    } else if (node.nodeType === 1 && !isAnnotation(node as Element)) {
      text += write(node as Element);
    }
  }
  return text;
}

/** The TeX a formula carries: its alttext, or the annotation KaTeX and MathJax keep it in. */
function texOf(math: Element): string {
  const alt = math.getAttribute('alttext')?.trim();
  if (alt) return alt;
  const annotation = [...math.getElementsByTagName('annotation')].find((a) =>
    /tex/i.test(a.getAttribute('encoding') ?? ''),
  );
  return annotation?.textContent?.trim() ?? '';
}

/** The `<math>` element as EPUB-valid MathML, or null when it doesn't fit the allowlist. */
export function mathml(math: Element): string | null {
  if (math.namespaceURI !== null && math.namespaceURI !== MATHML) return null;
  const display = /^(block|inline)$/.test(math.getAttribute('display') ?? '') ? math.getAttribute('display') : null;
  const tex = texOf(math);
  try {
    const body = inner(math, true);
    if (!body) return null;
    return (
      `<math xmlns="${MATHML}"${display ? ` display="${display}"` : ''}${tex ? ` alttext="${xmlAttr(tex)}"` : ''}>` +
      `${body}</math>`
    );
  } catch (error) {
    if (error instanceof DoesNotFit) return null;
    throw error;
  }
}
