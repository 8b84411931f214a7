/** Where on a page the article must be, found cheaply before anything is copied. */
import { hasDescendant, select } from './dom';
import { isHidden, MAYBE, UNLIKELY, UNLIKELY_ROLES } from './unlikely';

const PARAGRAPH = new Set(['p']);
const COMMAS = /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g;
/** Levels above the best-scoring container that the working copy keeps, so Readability still sees its siblings. */
const REGION_LEVELS = 2;
/** Below this much paragraph score the page is not scanned for a region: Readability gets all of it. */
const MIN_REGION_SCORE = 20;

/**
 * Where the article must be: the container that holds most of the page's paragraph text (scored as Readability scores
 * paragraphs: length and commas, shared with a few levels of ancestors), then a few levels up. Only paragraphs and
 * their ancestors are read, never the whole page, so this costs little; null when the page gives too little to go on.
 */
export function contentRegion(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const excluded = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    const chain: Element[] = [];
    let result = false;
    for (let node: Element | null = el; node && node !== body; node = node.parentElement) {
      const known = excluded.get(node);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(node);
      const match = `${node.getAttribute('class') ?? ''} ${node.id}`;
      if (
        isHidden(node) ||
        (UNLIKELY.test(match) && !MAYBE.test(match) && node.localName !== 'a') ||
        UNLIKELY_ROLES.has(node.getAttribute('role') ?? '')
      ) {
        result = true;
        break;
      }
    }
    for (const node of chain) excluded.set(node, result);
    return result;
  };
  const scores = new Map<Element, number>();
  let total = 0;
  const score = (el: Element): void => {
    const text = el.textContent ?? '';
    const length = text.trim().length;
    if (length < 25 || isExcluded(el)) return;
    const points = 1 + text.split(COMMAS).length + Math.min(Math.floor(length / 100), 3);
    total += points;
    let node = el.parentElement;
    for (let level = 0; level < 5 && node && node !== body; level++, node = node.parentElement) {
      scores.set(node, (scores.get(node) ?? 0) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  };
  for (const tag of ['p', 'pre']) for (const el of select(doc, tag)) score(el);
  // Text written as <div>…<br><br>…</div> has no paragraphs: its containers count as one.
  const brParents = new Set<Element>();
  for (const br of select(doc, 'br')) {
    const parent = br.parentElement;
    if (parent && parent !== body && parent.localName !== 'p') brParents.add(parent);
  }
  for (const parent of brParents) if (!hasDescendant(parent, PARAGRAPH)) score(parent);
  if (total < MIN_REGION_SCORE || !scores.size) return null;

  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const linkDensity = (el: Element): number => {
    const length = (el.textContent ?? '').length || 1;
    let links = 0;
    for (const a of select(el, 'a')) links += (a.textContent ?? '').length;
    return links / length;
  };
  const weighed = ranked.map(([el, s]) => [el, s * (1 - linkDensity(el))] as const).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = weighed[0]!;
  let region: Element = best;
  for (let i = 0; i < REGION_LEVELS && region.parentElement && region !== body; i++) region = region.parentElement;
  // Close rivals (as Readability weighs them) must be inside too.
  for (const [el, s] of weighed.slice(1)) {
    if (s < bestScore * 0.75) continue;
    while (region !== body && region.parentElement && !region.contains(el)) region = region.parentElement;
  }
  return region === body || region === doc.documentElement ? null : region;
}
