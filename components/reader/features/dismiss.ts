import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * What opens over the reader (a toolbar menu, a footnote, a highlight's popover) closes on Esc and on a press outside
 * it: `onDismiss(true)` for the key (the caller gives the focus back), `onDismiss(false)` for the press. Esc is caught
 * on the window, in capture, so the reader's own Esc (close the reader) never sees it; listening starts in the frame
 * the thing opens in, so a press right after it shows counts.
 */
export function useDismiss(
  active: boolean,
  inside: (target: Node) => boolean,
  onDismiss: (byKey: boolean) => void,
): void {
  const latest = useRef({ inside, onDismiss });
  latest.current = { inside, onDismiss };
  useLayoutEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onDismiss(true);
    };
    const onPointerDown = (event: PointerEvent): void => {
      if (!(event.target instanceof Node) || !latest.current.inside(event.target)) latest.current.onDismiss(false);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [active]);
}
