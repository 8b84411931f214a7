import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { similarity, wordsOf } from './title-heading';

const page = (lang: string, title: string, heading: string, paragraph: string): Document =>
  htmlDocument(
    `<html lang="${lang}"><head><title>${title}</title></head><body><article><h1>${heading}</h1>` +
      `${`<p>${paragraph}</p>`.repeat(4)}</article></body></html>`,
  );

describe('the title shown once', () => {
  it('splits words of every script, not only ASCII', () => {
    expect(wordsOf('افتتاح حديقة جديدة')).toEqual(['افتتاح', 'حديقة', 'جديدة']);
    expect(wordsOf('Новый  мост — открыт!')).toEqual(['новый', 'мост', 'открыт']);
    expect(similarity('הספרייה העירונית נפתחת', 'הספרייה העירונית נפתחת')).toBe(1);
    expect(similarity('A bridge opens', 'Новый мост')).toBe(0);
  });

  it.each([
    ['rtl-arabic.html', 'افتتاح حديقة جديدة على ضفة النهر'],
    ['rtl-article.html', 'הספרייה העירונית נפתחת מחדש אחרי שיפוץ'],
  ])('drops the first heading of %s that repeats the title', (fixture, title) => {
    const article = extractArticle(fixtureDocument(fixture, 'https://city.example/a'), 'https://city.example/a')!;
    expect(article.title).toBe(title);
    expect(article.html).not.toMatch(/<h[12]/);
    expect(article.text).not.toContain(title);
    expect(article.dir).toBe('rtl');
  });

  it('does so in Cyrillic too', () => {
    const paragraph =
      'Городской мост, закрытый на ремонт два года назад, снова открыт для пешеходов и машин, а на его перилах ' +
      'появились новые фонари, которые горят всю ночь до самого утра.';
    const article = extractArticle(
      page('ru', 'Мост открыт после ремонта', 'Мост открыт после ремонта', paragraph),
      '',
    )!;
    expect(article.html).not.toContain('<h1');
  });

  it('keeps a first heading that says something else, and one that comes after the opening text', () => {
    const paragraph =
      'The harbour was the talk of the town for a whole season, and everybody who went to see it came back with a ' +
      'story of their own, which they told at length to anyone who would listen over coffee in the square.';
    const other = extractArticle(page('en', 'The harbour reopens', 'What the fishermen said', paragraph), '')!;
    expect(other.html).toContain('What the fishermen said');
    // In Cyrillic, where Readability's own check never matches: only this rule could drop it.
    const russian =
      'Городской мост, закрытый на ремонт два года назад, снова открыт для пешеходов и машин, а на его перилах ' +
      'появились новые фонари, которые горят всю ночь до самого утра.';
    const late = htmlDocument(
      `<html lang="ru"><head><title>Мост открыт</title></head><body><article><p>${russian}</p><p>${russian}</p>` +
        `<h2>Мост открыт</h2><p>${russian}</p><p>${russian}</p></article></body></html>`,
    );
    expect(extractArticle(late, '')!.html).toContain('<h2>Мост открыт</h2>');
  });
});
