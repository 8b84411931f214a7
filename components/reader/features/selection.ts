import { useEffect, useRef } from 'preact/hooks';
import { MARK_SELECTOR, articleBody, selectedRange } from './highlight-marks';

/** Where something is on screen, for a popover beside it (viewport coordinates). */
export interface ScreenAnchor {
  top: number;
  bottom: number;
  left: number;
}

const anchorOf = (rect: DOMRect): ScreenAnchor => ({ top: rect.top, bottom: rect.bottom, left: rect.left });

/** Where the selection in the article is on screen, or null when nothing there is selected. */
export function selectionAnchor(): ScreenAnchor | null {
  const body = articleBody();
  const selection = window.getSelection();
  if (!body || !selectedRange(body, selection) || !selection) return null;
  return anchorOf(selection.getRangeAt(0).getBoundingClientRect());
}

/**
 * Selections and clicks on highlights in the article: `onSelection` when a selection is made there (by mouse, or by
 * Shift and the arrow keys) or undone, `onMarkClick` when a highlight is clicked (not a link in it, not while
 * selecting). Actions in the popover, toolbar and panels don't count: they act on the selection.
 */
export function useArticleSelection(
  enabled: boolean,
  onSelection: (anchor: ScreenAnchor | null) => void,
  onMarkClick: (id: string, anchor: ScreenAnchor) => void,
): void {
  const latest = useRef({ onSelection, onMarkClick });
  latest.current = { onSelection, onMarkClick };
  useEffect(() => {
    if (!enabled) return undefined;
    const inArticle = (target: EventTarget | null): boolean =>
      target instanceof Node && !!document.querySelector('.reader-main')?.contains(target);
    const check = (): void => latest.current.onSelection(selectionAnchor());
    const onPointerUp = (event: PointerEvent): void => {
      // The selection is final after the pointer's own default actions.
      if (inArticle(event.target)) setTimeout(check);
    };
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.shiftKey || /^(Arrow|Home|End|Page)/.test(event.key)) {
        if (inArticle(event.target) || event.target === document.body) check();
      }
    };
    const onClick = (event: MouseEvent): void => {
      const target = event.target instanceof Element ? event.target : null;
      const mark = target?.closest<HTMLElement>(MARK_SELECTOR);
      if (!mark || target?.closest('a[href]') || !window.getSelection()?.isCollapsed) return;
      const id = mark.dataset['highlight'];
      if (id) latest.current.onMarkClick(id, anchorOf(mark.getBoundingClientRect()));
    };
    const onSelectionChange = (): void => {
      if (window.getSelection()?.isCollapsed) latest.current.onSelection(null);
    };
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('click', onClick);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('click', onClick);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [enabled]);
}
