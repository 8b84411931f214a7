// What a screenshot shows, roughly as a person would judge it: is anything drawn, and does the ink stand out?
import { PNG } from 'pngjs';

const lum = ([r, g, b]) => {
  const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of two relative luminances. */
export const contrastRatio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The background (most common colour), the share of pixels that differ clearly from it ("ink"), and the contrast
 * of the most common ink colour against the background.
 */
export function inkStats(png) {
  const { width, height, data } = PNG.sync.read(png);
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rgb = (key) => [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  const [background] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const bgLum = lum(rgb(background));
  let ink = 0;
  let best = [0, 0];
  for (const [key, n] of counts) {
    if (contrastRatio(lum(rgb(key)), bgLum) < 3) continue;
    ink += n;
    if (n > best[1]) best = [key, n];
  }
  return {
    background: rgb(background),
    inkShare: ink / (width * height),
    contrast: best[1] ? contrastRatio(lum(rgb(best[0])), bgLum) : 1,
  };
}
