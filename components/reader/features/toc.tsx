import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '@/utils/extract';
import { t } from '@/utils/browser';
import { currentSection, outlineOf, type OutlineEntry } from '@/utils/reader';
import { ReaderPanel } from '../ReaderPanel';
import { scrollIntoViewSettled } from './scroll-settled';

/**
 * The table of contents: the shown article's headings (three or more) in a panel beside the text, the section being
 * read marked (`aria-current`) as the reader scrolls, each entry a jump within the reader. Keys: O opens and closes
 * it, Tab walks its entries, Esc closes it and gives the focus back to its button.
 */

/** A heading of the article with its entry. */
export interface TocItem extends OutlineEntry {
  /** The heading's id (the article's own, or one of the reader's given to it here). */
  id: string;
  heading: HTMLElement;
}

/** Where the open panel stands beside the text (the stylesheet's breakpoint); narrower, it covers the text. */
const PANEL_BESIDE = '(min-width: 54rem)';

/** The shown article's outline, read from its rendered body; [] when it has fewer than three headings. */
export function useOutline(article: Article | null): TocItem[] {
  const [items, setItems] = useState<TocItem[]>([]);
  useEffect(() => {
    const body = document.querySelector<HTMLElement>('[data-lectern="article"]');
    if (!article || !body) return setItems([]);
    const headings = Array.from(body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6'));
    const entries = outlineOf(headings.map((h) => ({ level: Number(h.localName[1]), text: h.textContent ?? '' })));
    setItems(
      entries.map((entry) => {
        const heading = headings[entry.index]!;
        // The article's ids carry DOMPurify's prefix, so the reader's own can't clash with them. A heading gets its id
        // when the panel shows its link: giving thousands at once was a long step on a very large article.
        return { ...entry, id: heading.id || `lectern-section-${entry.index}`, heading };
      }),
    );
  }, [article]);
  return items;
}

/** The index (in `items`) of the section being read now. */
function sectionNow(items: TocItem[]): number {
  const toolbar = document.querySelector('[data-lectern="toolbar"]')?.getBoundingClientRect().bottom ?? 0;
  const scroller = document.scrollingElement ?? document.documentElement;
  const atEnd = scroller.scrollTop + window.innerHeight >= scroller.scrollHeight - 2;
  const topOf = (i: number): number => items[i]!.heading.getBoundingClientRect().top;
  return currentSection(items.length, topOf, toolbar + 24, atEnd, window.innerHeight);
}

/**
 * The index (in `items`) of the section being read, kept up to date while the panel is open. Known from the first
 * render (the headings are on the page before the panel), so the panel opens with its mark, and its focus, on it.
 */
function useCurrentSection(items: TocItem[]): number {
  const [current, setCurrent] = useState(() => (items.length ? sectionNow(items) : -1));
  useLayoutEffect(() => {
    if (!items.length) return undefined;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      setCurrent(sectionNow(items));
    };
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [items]);
  return current;
}

/** Scrolls to a section and puts the focus on its heading, where reading (and Tab) goes on. */
function jumpTo(heading: HTMLElement): void {
  scrollIntoViewSettled(heading, 'start');
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

/**
 * Scrolls the panel's list, and only it, so that the marked link shows: on a long outline the section being read (and
 * the focus, at opening) would be far below the panel's view. Centred, so the sections around it show too.
 */
function keepInView(link: Element, scroller: HTMLElement): void {
  const box = link.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  scroller.scrollTop += box.top - view.top - (view.height - box.height) / 2;
}

/** The panel: a list of links to the sections, the current one marked. */
export function TocPanel({ items, onClose }: { items: TocItem[]; onClose: (refocus: boolean) => void }) {
  const current = useCurrentSection(items);
  const panel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // The headings its links point to have the ids they name.
  useLayoutEffect(() => {
    for (const item of items) if (!item.heading.id) item.heading.id = item.id;
  }, [items]);
  // The mark moves from link to link without drawing the list again: thousands of entries took a long step per section.
  useLayoutEffect(() => {
    const link = list.current?.children[current]?.firstElementChild;
    link?.setAttribute('aria-current', 'location');
    if (link && panel.current) keepInView(link, panel.current);
    return () => link?.removeAttribute('aria-current');
  }, [current, items]);
  // Opened, the focus goes to the section being read (or the first), so Tab and Enter go on from there; in the same
  // frame as the panel and its mark.
  useLayoutEffect(() => {
    const links = panel.current?.querySelectorAll<HTMLElement>('a[href]');
    (panel.current?.querySelector<HTMLElement>('a[aria-current]') ?? links?.[0])?.focus({ preventScroll: true });
    // Only once, at opening: later marks follow the scroll without moving the focus.
  }, []);
  // Drawn once per outline: the current section changes nothing here.
  const entries = useMemo(
    () =>
      items.map((item) => (
        <li key={item.id} data-depth={item.depth}>
          <a
            href={`#${item.id}`}
            onClick={(event) => {
              event.preventDefault();
              jumpTo(item.heading);
              // Over the text (a narrow window) the panel goes once it has taken the reader there.
              if (!window.matchMedia(PANEL_BESIDE).matches) close.current(false);
            }}
          >
            {item.text}
          </a>
        </li>
      )),
    [items],
  );
  return (
    <ReaderPanel
      name="toc"
      title={t('tableOfContents')}
      closeLabel={t('closeContents')}
      onClose={() => onClose(true)}
      panelRef={panel}
    >
      <nav aria-labelledby="toc-title">
        <ol class="toc-list" ref={list}>
          {entries}
        </ol>
      </nav>
    </ReaderPanel>
  );
}
