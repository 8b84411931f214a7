/**
 * Read aloud, the pure parts: the article's text split into sentences (with their offsets, so the reader can
 * highlight each one) and the choice of a voice for the article's language.
 */

export interface SentenceSpan {
  /** Offsets in the source text, [start, end), without surrounding white space. */
  start: number;
  end: number;
  text: string;
}

/** Sentence ends for engines without Intl.Segmenter: . ! ? … and their CJK forms, then closing quotes/brackets. */
const FALLBACK = /[^.!?…。！？]*(?:[.!?…。！？]+["'”’»)\]]*|$)/g;

function segmenter(
  lang: string | null,
): { segment(text: string): Iterable<{ segment: string; index: number }> } | null {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return null;
  try {
    return new Segmenter(lang ?? undefined, { granularity: 'sentence' });
  } catch {
    // An invalid language tag from the page: the default locale's rules are the next best.
    return new Segmenter(undefined, { granularity: 'sentence' });
  }
}

/** Trims a raw piece to a span, or null when it is only white space. */
function span(text: string, start: number, end: number): SentenceSpan | null {
  const piece = text.slice(start, end);
  const lead = piece.length - piece.trimStart().length;
  const trimmed = piece.trim();
  if (!trimmed) return null;
  return { start: start + lead, end: start + lead + trimmed.length, text: trimmed.replace(/\s+/g, ' ') };
}

/**
 * The sentences of `text` in `lang` (a BCP 47 tag, or null for the default), by Intl.Segmenter where the engine has
 * it and by punctuation otherwise.
 */
export function splitSentences(text: string, lang: string | null, useSegmenter = true): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const seg = useSegmenter ? segmenter(lang) : null;
  if (seg) {
    // Line breaks in HTML source are spaces on screen, but end a sentence for the segmenter (ICU's rules):
    // segment a copy with every white-space character made a space, which keeps the offsets.
    for (const { segment, index } of seg.segment(text.replace(/\s/g, ' '))) {
      const s = span(text, index, index + segment.length);
      if (s) spans.push(s);
    }
    return spans;
  }
  for (const match of text.matchAll(FALLBACK)) {
    if (!match[0]) continue;
    const s = span(text, match.index, match.index + match[0].length);
    if (s) spans.push(s);
  }
  return spans;
}

/** The voices that read `lang` (its primary language), the browser's order kept: what a voice picker offers. */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], lang: string | null): V[] {
  return lang ? voices.filter((v) => primary(v.lang) === primary(lang)) : [...voices];
}

/** The language a voice choice is kept under: the primary tag ("en" for "en-GB"). */
export function voiceLanguage(lang: string): string {
  return primary(lang);
}

/** What the reader needs of a SpeechSynthesisVoice. */
export interface VoiceInfo {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';
const normalizeTag = (tag: string): string => tag.toLowerCase().replace(/_/g, '-');

/**
 * The best voice for text in `lang`: the same language and region first, then the same language (the browser's
 * default voice, then one on this device, first), else null (the browser then chooses by the utterance's lang).
 */
export function pickVoice<V extends VoiceInfo>(
  voices: readonly V[],
  lang: string | null,
  chosen?: string | null,
): V | null {
  // The voice the user chose for this language, while the browser still has it.
  const mine = chosen
    ? voices.find((v) => v.name === chosen && (!lang || primary(v.lang) === primary(lang)))
    : undefined;
  if (mine) return mine;
  if (!lang) return voices.find((v) => v.default) ?? null;
  const wanted = normalizeTag(lang);
  const rank = (v: V): number => (v.default ? 0 : 2) + (v.localService ? 0 : 1);
  const best = (list: V[]): V | null => [...list].sort((a, b) => rank(a) - rank(b))[0] ?? null;
  return (
    best(voices.filter((v) => normalizeTag(v.lang) === wanted)) ??
    best(voices.filter((v) => primary(v.lang) === primary(wanted)))
  );
}
