// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scrollIntoViewSettled } from './scroll-settled';

/**
 * A target whose top is `tops[n]` after the n-th frame, in a page `heights[n]` high (the boxes around it laid out one
 * after another change both; a scroll moves the target only).
 */
function target(tops: number[], heights: number[] = tops.map((top) => 10_000 + top)) {
  const el = document.createElement('h2');
  document.body.append(el);
  let frame = 0;
  el.getBoundingClientRect = () => ({ top: tops[Math.min(frame, tops.length - 1)]! }) as DOMRect;
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    configurable: true,
    get: () => heights[Math.min(frame, heights.length - 1)]!,
  });
  el.scrollIntoView = vi.fn();
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => frames.splice(0));
  const nextFrame = (): boolean => {
    const cb = frames.shift();
    if (!cb) return false;
    frame++;
    cb(0);
    return true;
  };
  return { el, nextFrame, frames };
}

describe('scrolling to a place that moves while the boxes around it are laid out', () => {
  beforeEach(() => document.body.replaceChildren());
  afterEach(() => vi.unstubAllGlobals());

  it('scrolls again while the place moves, and stops once it stands still', () => {
    // Scrolled to at 70, where it stays for two frames; then the boxes around it are laid out (310, then 330).
    const { el, nextFrame } = target([70, 70, 70, 310, 330, 330, 330, 330, 330, 330, 330]);
    scrollIntoViewSettled(el, 'start');
    expect(el.scrollIntoView).toHaveBeenCalledTimes(1);
    let frames = 0;
    while (nextFrame()) frames++;
    expect(el.scrollIntoView).toHaveBeenCalledTimes(3);
    expect(el.scrollIntoView).toHaveBeenLastCalledWith({ block: 'start' });
    expect(frames).toBeLessThan(10);
  });

  it('scrolls once when nothing moves', () => {
    const { el, nextFrame } = target([70]);
    scrollIntoViewSettled(el, 'center');
    while (nextFrame());
    expect(el.scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('leaves the page to the reader as soon as they scroll or press a key', () => {
    const { el, nextFrame, frames } = target([70, 310, 330, 400, 500]);
    scrollIntoViewSettled(el, 'start');
    nextFrame();
    expect(el.scrollIntoView).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new WheelEvent('wheel'));
    expect(frames).toHaveLength(0);
    while (nextFrame());
    expect(el.scrollIntoView).toHaveBeenCalledTimes(2);
  });

  it('leaves the page as it is when something else scrolls it (the place moves, the layout doesn’t)', () => {
    const { el, nextFrame, frames } = target([70, 70, -2000, -2000], [10_000, 10_000, 10_000, 10_000]);
    scrollIntoViewSettled(el, 'start');
    nextFrame();
    nextFrame();
    nextFrame();
    expect(frames).toHaveLength(0);
    expect(el.scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('follows only the last jump', () => {
    const { el: first, frames } = target([70, 310, 330]);
    scrollIntoViewSettled(first, 'start');
    const second = document.createElement('h2');
    second.getBoundingClientRect = () => ({ top: 70 }) as DOMRect;
    second.scrollIntoView = vi.fn();
    document.body.append(second);
    scrollIntoViewSettled(second, 'start');
    // The first jump's frame was cancelled: only the second's is waiting.
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(first.scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('gives up after a few frames on a place that never stands still', () => {
    const { el, nextFrame } = target(Array.from({ length: 100 }, (_, i) => i * 50));
    scrollIntoViewSettled(el, 'start');
    let frames = 0;
    while (nextFrame()) frames++;
    expect(frames).toBeLessThanOrEqual(20);
  });
});
