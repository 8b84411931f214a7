/**
 * Scrolling to a place in the article that stays put. In a very large article the part boxes not yet laid out have a
 * guessed height (content-visibility), and those around the target get their real one only once they are on screen:
 * one scroll then lands a few hundred pixels off. So the place is scrolled to again while the page's layout moves it,
 * until it stands still for a few frames, for a third of a second at most; a move without a change of layout is a scroll
 * of someone else's (the reader's, by scrollbar or script), and ends it, as the reader's keys and pointer do.
 */

/** Frames to follow the target at most (a third of a second). */
const MAX_FRAMES = 20;
/**
 * Frames the target must stand still to be left: the boxes that come on screen are laid out a frame or two after the
 * scroll (Chromium: the second frame), so standing still for the first ones says nothing yet.
 */
const STILL_FRAMES = 4;
/** What the reader does that ends the following. */
const USER_INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/** Ends the following of the last jump, if it is still on. */
let following: (() => void) | null = null;

/**
 * Scrolls `el` into view (`block` as in `scrollIntoView`) and keeps it there while the boxes around it settle. A jump
 * ends the following of the one before.
 */
export function scrollIntoViewSettled(el: Element, block: ScrollLogicalPosition): void {
  following?.();
  el.scrollIntoView({ block });
  const win = el.ownerDocument.defaultView;
  if (!win) return;
  const root = el.ownerDocument.documentElement;
  let last = el.getBoundingClientRect().top;
  let height = root.scrollHeight;
  let still = 0;
  let frames = 0;
  let frame = 0;
  const stop = (): void => {
    if (following === stop) following = null;
    win.cancelAnimationFrame(frame);
    for (const type of USER_INPUT) win.removeEventListener(type, stop, true);
  };
  const follow = (): void => {
    const top = el.getBoundingClientRect().top;
    const laidOut = root.scrollHeight;
    if (Math.abs(top - last) < 1) still++;
    else if (laidOut === height) return stop();
    else {
      still = 0;
      el.scrollIntoView({ block });
      last = el.getBoundingClientRect().top;
    }
    height = laidOut;
    if (still >= STILL_FRAMES || ++frames >= MAX_FRAMES || !el.isConnected) return stop();
    frame = win.requestAnimationFrame(follow);
  };
  for (const type of USER_INPUT) win.addEventListener(type, stop, { capture: true, passive: true });
  frame = win.requestAnimationFrame(follow);
  following = stop;
}
