/**
 * The language and writing direction of a text when the page doesn't state them: from the script its letters are
 * written in, and for Latin-script text from its most common short words. Cheap: it reads a few thousand characters.
 */

export interface DetectedLanguage {
  /** A BCP 47 primary language tag, or null when the text doesn't say clearly enough. */
  lang: string | null;
  /** Null when the text has too few letters to tell. */
  dir: 'ltr' | 'rtl' | null;
}

const SAMPLE = 4000;
const MIN_LETTERS = 20;

const SCRIPTS: Array<[name: string, re: RegExp]> = [
  ['arabic', /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/gu],
  ['hebrew', /[\u0590-\u05ff\ufb1d-\ufb4f]/gu],
  ['cyrillic', /[\u0400-\u04ff]/gu],
  ['greek', /[\u0370-\u03ff]/gu],
  ['kana', /[\u3040-\u30ff]/gu],
  ['han', /[\u3400-\u4dbf\u4e00-\u9fff]/gu],
  ['hangul', /[\uac00-\ud7af\u1100-\u11ff]/gu],
  ['thai', /[\u0e00-\u0e7f]/gu],
  ['georgian', /[\u10a0-\u10ff]/gu],
  ['armenian', /[\u0530-\u058f]/gu],
  ['latin', /[a-zA-Z\u00c0-\u024f]/gu],
];

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The most common short words of Latin-script languages (enough to tell them apart in a paragraph). */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'was', 'for', 'with', 'are', 'this', 'on'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auch', 'ein', 'eine'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'dans', 'pour', 'pas', 'sur', 'qui', 'du'],
  es: ['el', 'la', 'los', 'que', 'y', 'en', 'del', 'las', 'por', 'una', 'con', 'para', 'es', 'se'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'del', 'una', 'sono', 'della', 'con', 'gli', 'è'],
  pt: ['o', 'que', 'de', 'não', 'os', 'uma', 'para', 'com', 'do', 'da', 'em', 'é', 'as', 'se'],
  nl: ['de', 'het', 'een', 'van', 'en', 'is', 'dat', 'niet', 'op', 'zijn', 'met', 'voor', 'ook', 'aan'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'do', 'że', 'to', 'jest', 'jak', 'po', 'ale', 'od'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'ama', 'olan', 'değil'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke'],
};
const STOPWORD_SETS = Object.entries(STOPWORDS).map(([lang, list]) => [lang, new Set(list)] as const);

function latinLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length < 20) return null;
  const scores = STOPWORD_SETS.map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const).sort(
    (a, b) => b[1] - a[1],
  );
  const [best, second] = scores;
  if (!best || best[1] < words.length * 0.08) return null;
  return !second || best[1] >= second[1] * 1.5 ? best[0] : null;
}

/** Detects the language and direction of `text` (its first few thousand characters). */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE);
  const counts = SCRIPTS.map(([name, re]) => [name, count(sample, re)] as const);
  const letters = counts.reduce((sum, [, n]) => sum + n, 0);
  if (letters < MIN_LETTERS) return { lang: null, dir: null };
  const share = (name: string): number => (counts.find(([n]) => n === name)?.[1] ?? 0) / letters;
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  const script = top![0];
  if (share(script) < 0.5 && !(share('han') + share('kana') > 0.5)) return { lang: null, dir: 'ltr' };
  switch (script) {
    case 'arabic': {
      // Letters that Persian and Urdu add to the Arabic alphabet.
      const urdu = count(sample, /[ٹڈڑںےھ]/gu);
      const persian = count(sample, /[پچژگ]/gu) + count(sample, /ی/gu);
      const arabicOnly = count(sample, /[ةي]/gu);
      const lang = urdu > 5 ? 'ur' : persian > arabicOnly ? 'fa' : 'ar';
      return { lang, dir: 'rtl' };
    }
    case 'hebrew':
      return { lang: count(sample, /[װױײ]/gu) > 3 ? 'yi' : 'he', dir: 'rtl' };
    case 'cyrillic': {
      if (count(sample, /[іїєґ]/giu) > 3) return { lang: 'uk', dir: 'ltr' };
      if (count(sample, /[ў]/giu) > 2) return { lang: 'be', dir: 'ltr' };
      if (count(sample, /[јљњћџђ]/giu) > 3) return { lang: 'sr', dir: 'ltr' };
      return { lang: count(sample, /[ыэ]/giu) > 3 ? 'ru' : null, dir: 'ltr' };
    }
    case 'greek':
      return { lang: 'el', dir: 'ltr' };
    case 'thai':
      return { lang: 'th', dir: 'ltr' };
    case 'hangul':
      return { lang: 'ko', dir: 'ltr' };
    case 'georgian':
      return { lang: 'ka', dir: 'ltr' };
    case 'armenian':
      return { lang: 'hy', dir: 'ltr' };
    case 'kana':
    case 'han':
      return { lang: share('kana') > 0.05 ? 'ja' : 'zh', dir: 'ltr' };
    default:
      return { lang: latinLanguage(sample), dir: 'ltr' };
  }
}

/** Whether a language tag names a language written right to left. */
export function isRtlLang(lang: string | null): boolean {
  return !!lang && /^(?:ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb)(?:-|$)/i.test(lang);
}
