import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { listVoices } from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { pickVoice, splitSentences, voicesFor } from '@/utils/reader';

/**
 * Read aloud: the title and the article, sentence by sentence, through the browser's speech synthesis, in a voice
 * of the article's language. The sentence being spoken is highlighted (CSS Custom Highlight API; its block also
 * gets `data-speaking`) and kept in view. Pause keeps the place; speed changes apply from the next sentence.
 */

export type SpeechState = 'idle' | 'playing' | 'paused';

const HIGHLIGHT = 'lectern-speech';
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, pre, td, th';

interface Piece {
  block: Element;
  start: number;
  end: number;
  text: string;
}

const squash = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Every sentence to read, in order: the title, then each innermost visible text block of the article
 * (a heading that repeats the title is read once).
 */
function collectPieces(lang: string | null): Piece[] {
  const title = document.querySelector('[data-lectern="title"]');
  const body = document.querySelector('[data-lectern="article"]');
  const titleText = squash(title?.textContent ?? null);
  const blocks = [
    ...(title ? [title] : []),
    ...[...(body?.querySelectorAll(BLOCKS) ?? [])].filter(
      (el) => !el.querySelector(BLOCKS) && el.getClientRects().length > 0 && squash(el.textContent) !== titleText,
    ),
  ];
  return blocks.flatMap((block) =>
    splitSentences(block.textContent ?? '', lang).map((s) => ({ block, start: s.start, end: s.end, text: s.text })),
  );
}

/** The DOM range of characters [start, end) of `block`'s text. */
function rangeFor(block: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

function clearHighlight(): void {
  if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
  for (const el of document.querySelectorAll('[data-speaking]')) el.removeAttribute('data-speaking');
}

/** Highlights a sentence and scrolls it into view when it is off screen (or under the toolbar). */
function showPiece(piece: Piece): void {
  clearHighlight();
  piece.block.setAttribute('data-speaking', '');
  const range = rangeFor(piece.block, piece.start, piece.end);
  if (range && typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined') {
    CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  }
  const rect = (range ?? piece.block).getBoundingClientRect();
  const top = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  // The speech bar floats over the bottom of the view: a sentence under it is out of view too.
  const bottom = document.querySelector('.speech-bar')?.getBoundingClientRect().top ?? window.innerHeight;
  if (rect.top < top + 8 || rect.bottom > bottom - 8) {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: still ? 'instant' : 'smooth' });
  }
}

/** The index of the first sentence at or below the top of the view: reading starts where the user is. */
function firstInView(pieces: Piece[]): number {
  const top = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  const index = pieces.findIndex((p) => p.block.getBoundingClientRect().bottom > top);
  return Math.max(0, index);
}

export interface ReadAloud {
  state: SpeechState;
  /** The voices that can read the article's language (known once reading has started), for the picker. */
  voices: SpeechSynthesisVoice[];
  /** s: start (from the first sentence in view) or stop. */
  toggle: () => void;
  pauseResume: () => void;
  stop: () => void;
}

export interface ReadAloudOptions {
  rate: number;
  /** The voice the user chose for the article's language, if any. */
  chosenVoice: string | null;
  /** The browser has no speech synthesis at all. */
  onUnavailable: () => void;
  /** Speech synthesis is there but has no voice to speak with (stock Linux browsers). */
  onNoVoice: () => void;
}

export function useReadAloud(
  article: Article | null,
  { rate, chosenVoice, onUnavailable, onNoVoice }: ReadAloudOptions,
): ReadAloud {
  const [state, setState] = useState<SpeechState>('idle');
  const [allVoices, setAllVoices] = useState<SpeechSynthesisVoice[]>([]);
  const pieces = useRef<Piece[]>([]);
  const index = useRef(0);
  // Each start, pause or stop begins a new generation; events of an older utterance are ignored.
  const generation = useRef(0);
  const voice = useRef<SpeechSynthesisVoice | null>(null);
  const latestRate = useRef(rate);
  latestRate.current = rate;
  const lang = article?.lang ?? document.documentElement.lang ?? null;

  const stop = useCallback((): void => {
    generation.current++;
    window.speechSynthesis?.cancel();
    clearHighlight();
    index.current = 0;
    setState('idle');
  }, []);

  const speakFrom = useCallback(
    (i: number): void => {
      const synth = window.speechSynthesis;
      const piece = pieces.current[i];
      if (!synth || !piece) return stop();
      index.current = i;
      const gen = generation.current;
      const utterance = new window.SpeechSynthesisUtterance(piece.text);
      if (lang) utterance.lang = lang;
      if (voice.current) utterance.voice = voice.current;
      utterance.rate = latestRate.current;
      utterance.onend = () => {
        if (gen === generation.current) speakFrom(i + 1);
      };
      utterance.onerror = (event) => {
        if (gen === generation.current && event.error !== 'interrupted' && event.error !== 'canceled') stop();
      };
      showPiece(piece);
      synth.speak(utterance);
    },
    [lang, stop],
  );

  const start = useCallback(async (): Promise<void> => {
    const synth = window.speechSynthesis;
    if (!synth || !window.SpeechSynthesisUtterance) return onUnavailable();
    pieces.current = collectPieces(lang);
    if (!pieces.current.length) return;
    generation.current++;
    synth.cancel();
    const gen = generation.current;
    const voices = await listVoices();
    if (gen !== generation.current) return;
    // Nothing could speak: say so, and show no bar (it used to flash and go).
    if (!voices.length) return onNoVoice();
    setState('playing');
    setAllVoices(voices);
    voice.current = pickVoice(voices, lang, chosenVoice);
    speakFrom(firstInView(pieces.current));
  }, [lang, chosenVoice, onUnavailable, onNoVoice, speakFrom]);

  // A voice chosen while reading takes over from the next sentence.
  useEffect(() => {
    if (allVoices.length) voice.current = pickVoice(allVoices, lang, chosenVoice);
  }, [chosenVoice]);

  const pauseResume = useCallback((): void => {
    if (state === 'playing') {
      // Cancel rather than pause(): pausing mid-utterance is unreliable in Chromium; the sentence restarts on resume.
      generation.current++;
      window.speechSynthesis?.cancel();
      setState('paused');
    } else if (state === 'paused') {
      generation.current++;
      setState('playing');
      speakFrom(index.current);
    }
  }, [state, speakFrom]);

  const toggle = useCallback((): void => {
    if (state === 'idle') void start();
    else stop();
  }, [state, start, stop]);

  // Speech outlives the page in some browsers: stop it when the reader goes away or shows another article.
  useEffect(() => {
    window.addEventListener('pagehide', stop);
    return () => {
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [article, stop]);

  return { state, toggle, pauseResume, stop, voices: voicesFor(allVoices, lang) };
}
