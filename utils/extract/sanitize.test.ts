import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { safeSrcset, sanitizeHtml } from './sanitize';

describe('safeSrcset', () => {
  it('keeps relative and http(s) candidates with their descriptors, commas inside addresses included', () => {
    expect(safeSrcset('a.jpg 1x, https://cdn.example/w_300,h_200/b.jpg 2x')).toBe(
      'a.jpg 1x, https://cdn.example/w_300,h_200/b.jpg 2x',
    );
    // An address runs to the next whitespace, commas included (as browsers read it).
    expect(safeSrcset('a.jpg,b.jpg 640w')).toBe('a.jpg,b.jpg 640w');
    expect(safeSrcset('a.jpg, b.jpg 640w,c.jpg 2x')).toBe('a.jpg, b.jpg 640w, c.jpg 2x');
  });

  it('drops candidates with any other scheme, however it is written', () => {
    expect(safeSrcset('/a.jpg 1x, javascript:alert(1) 2x')).toBe('/a.jpg 1x');
    expect(safeSrcset(' \u000ejavascript:alert(1) 1x, data:image/svg+xml,<svg/onload=alert(1)> 2x')).toBeNull();
    expect(safeSrcset('JAVASCRIPT:alert(1)')).toBeNull();
  });
});

describe('sanitizeHtml', () => {
  const win = new JSDOM('').window as unknown as Window & typeof globalThis;

  it('removes script addresses from a srcset past its first candidate', () => {
    const html = sanitizeHtml(
      '<img src="/a.jpg" srcset="/a.jpg 1x, javascript:alert(1) 2x"><picture><source srcset="vbscript:x"></picture>',
      win,
    );
    expect(html).not.toMatch(/javascript:|vbscript:/);
    expect(html).toContain('srcset="/a.jpg 1x"');
  });
});
