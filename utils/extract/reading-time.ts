/** Reading speeds: words a minute for space-separated scripts, characters a minute for CJK. */
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export interface TextLength {
  /** Words outside CJK runs. */
  words: number;
  /** CJK characters, which those scripts use instead of space-separated words. */
  cjkChars: number;
}

export function measureText(text: string): TextLength {
  const cjkChars = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { words, cjkChars };
}

/** Word count as readers expect it: CJK characters count one each. */
export function countWords(text: string): number {
  const { words, cjkChars } = measureText(text);
  return words + cjkChars;
}

/** Estimated minutes to read `text`: 0 for no text, otherwise at least 1. */
export function readingMinutes(text: string): number {
  return minutesFor(measureText(text));
}

/** Estimated minutes to read a text of this length (of a text measured in pieces, say). */
export function minutesFor({ words, cjkChars }: TextLength): number {
  if (words + cjkChars === 0) return 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE));
}
