import { describe, expect, it } from 'vitest';
import { pickVoice, splitSentences, type VoiceInfo, voiceLanguage, voicesFor } from './speech';

const texts = (spans: { text: string }[]): string[] => spans.map((s) => s.text);

describe('splitSentences', () => {
  const english = 'The CIA carried out a strike. Was it legal?  Nobody said!\n“We hunted al Qaeda.” The end';

  for (const useSegmenter of [true, false]) {
    it(`splits English into sentences with their offsets (${useSegmenter ? 'Intl.Segmenter' : 'fallback'})`, () => {
      const spans = splitSentences(english, 'en', useSegmenter);
      expect(texts(spans)).toEqual([
        'The CIA carried out a strike.',
        'Was it legal?',
        'Nobody said!',
        '“We hunted al Qaeda.”',
        'The end',
      ]);
      for (const s of spans) expect(english.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
    });

    it(`splits Russian too (${useSegmenter ? 'Intl.Segmenter' : 'fallback'})`, () => {
      expect(texts(splitSentences('Ссылка скопирована. Что дальше? Читайте…', 'ru', useSegmenter))).toEqual([
        'Ссылка скопирована.',
        'Что дальше?',
        'Читайте…',
      ]);
    });
  }

  it('does not end a sentence at a line break of the HTML source', () => {
    const text = '\n  The CIA carried out a strike on a port facility along the coastline,\n  sources said. Next.\n';
    const spans = splitSentences(text, 'en');
    expect(texts(spans)).toEqual([
      'The CIA carried out a strike on a port facility along the coastline, sources said.',
      'Next.',
    ]);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toMatch(/^The CIA.*said\.$/s);
  });

  it('gives nothing for white space, and survives a broken language tag', () => {
    expect(splitSentences('  \n ', 'en')).toEqual([]);
    expect(texts(splitSentences('One. Two.', 'not a tag!!'))).toEqual(['One.', 'Two.']);
  });
});

describe('pickVoice', () => {
  const v = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
    name,
    lang,
    default: false,
    localService: true,
    ...extra,
  });
  const voices = [
    v('US', 'en-US', { default: true }),
    v('GB remote', 'en-GB', { localService: false }),
    v('GB', 'en-GB'),
    v('Russian', 'ru_RU'),
    v('German', 'de-DE'),
  ];

  it('prefers the same language and region, then the same language', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('GB');
    expect(pickVoice(voices, 'en')?.name).toBe('US');
    expect(pickVoice(voices, 'en-AU')?.name).toBe('US');
    expect(pickVoice(voices, 'ru')?.name).toBe('Russian');
    expect(pickVoice(voices, 'RU-ru')?.name).toBe('Russian');
  });

  it('has no voice for a language without one, and the default without a language', () => {
    expect(pickVoice(voices, 'az')).toBeNull();
    expect(pickVoice([], 'en')).toBeNull();
    expect(pickVoice(voices, null)?.name).toBe('US');
  });
});

describe('the voice the user chose', () => {
  const v = (name: string, lang: string, isDefault = false) => ({ name, lang, default: isDefault, localService: true });
  const voices = [v('Anna', 'de-DE', true), v('Alex', 'en-US'), v('Kate', 'en-GB'), v('Irina', 'ru-RU')];

  it('reads with the chosen voice while it exists and speaks the language', () => {
    expect(pickVoice(voices, 'en-US', 'Kate')?.name).toBe('Kate');
    expect(pickVoice(voices, 'en', 'Kate')?.name).toBe('Kate');
    // Gone from the browser, or of another language: the best match instead.
    expect(pickVoice(voices, 'en-US', 'Daniel')?.name).toBe('Alex');
    expect(pickVoice(voices, 'en-US', 'Irina')?.name).toBe('Alex');
  });

  it('offers the voices of the language, in the browser’s order, keyed by the primary tag', () => {
    expect(voicesFor(voices, 'en-AU').map((x) => x.name)).toEqual(['Alex', 'Kate']);
    expect(voicesFor(voices, null)).toHaveLength(4);
    expect(voiceLanguage('pt-BR')).toBe('pt');
  });
});
