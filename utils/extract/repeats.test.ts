import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

const read = (name: string, url: string) => extractArticle(fixtureDocument(`furniture/${name}`, url), url)!;
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe('furniture by repetition, links and the shape of a line', { timeout: 30_000 }, () => {
  it('a gallery’s caption repeated under every slide shows once, every slide kept', () => {
    const article = read('gallery-caption.html', 'https://coast.example/photos/quay');
    expect(count(article.html, 'The eastern quay at dawn')).toBe(1);
    expect(count(article.html, '<img')).toBe(11);
  });

  it('a caption written as a plain line under each picture shows once (Russian)', () => {
    const article = read('gallery-lines-ru.html', 'https://coast.example/ru/quay');
    expect(count(article.html, 'Новый рынок на восточном причале')).toBe(1);
    expect(article.text).toContain('Снимки будут висеть в рыночном зале');
  });

  it('an all-caps label line whose rest is a link goes, in any language; an editor’s note stays', () => {
    const en = read('gallery-caption.html', 'https://coast.example/photos/quay');
    expect(en.text).not.toMatch(/ADVERTISEMENT|Harbour app/);
    expect(en.text).toContain('The pictures will hang in the market hall');
    const de = read('label-lines.html', 'https://kueste.example/faehre');
    expect(de.text).not.toMatch(/ANZEIGE|Kaffeemaschine|WERBUNG/);
    expect(de.text).toContain('UPDATE: Die Stadt hat inzwischen mitgeteilt');
    expect(de.text).toContain('Der Anleger ist doppelt so lang');
    expect(de.text).toContain('Der Hafenmeister sagte');
  });

  it('quote cards keep every quote and lose their repeated row of share links (Portuguese)', () => {
    const article = read('quote-cards.html', 'https://porto.example/frases-mar');
    expect(article.text).not.toMatch(/Whatsapp|Facebook|Pint|Baixar/);
    const page = fixtureDocument('furniture/quote-cards.html', 'https://porto.example/frases-mar');
    const quotes = Array.from(page.querySelectorAll('blockquote')).map((q) => q.textContent!.trim());
    expect(quotes).toHaveLength(10);
    for (const quote of quotes) expect(article.text).toContain(quote);
    expect(count(article.text, '\n\n') + 1).toBeGreaterThanOrEqual(12);
  });

  it('a refrain repeated in the text is not a caption: it stays every time', () => {
    const url = 'https://songs.example/harbour-song';
    const verse = (n: number) =>
      `<p>Verse ${n}: the boats come in at evening, the nets are full of silver, and the gulls are loud above the quay ` +
      `where the children wait for fathers who have been at sea since morning.</p>`;
    const refrain = '<p>Oh the harbour, oh the harbour, bring them home.</p>';
    const doc = fixtureDocument('furniture/label-lines.html', url);
    doc.querySelector('article')!.innerHTML = `<h1>Song</h1>${[1, 2, 3].map((n) => verse(n) + refrain).join('')}`;
    const article = extractArticle(doc, url)!;
    expect(count(article.text, 'Oh the harbour, oh the harbour')).toBe(3);
  });
});
