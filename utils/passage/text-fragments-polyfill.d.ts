// text-fragments-polyfill ships no types; these are the parts Lectern uses (the generator Chrome's "copy link to
// highlight" runs, and the polyfill's own finder, which checks a fragment against another document).
declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export interface TextFragment {
    textStart: string;
    textEnd?: string;
    prefix?: string;
    suffix?: string;
  }
  export const GenerateFragmentStatus: {
    SUCCESS: 0;
    INVALID_SELECTION: 1;
    AMBIGUOUS: 2;
    TIMEOUT: 3;
    EXECUTION_FAILED: 4;
  };
  export function generateFragmentFromRange(
    range: Range,
    startTime?: number,
  ): { status: number; fragment?: TextFragment };
  export function isValidRangeForFragmentGeneration(range: Range): boolean;
  export function setTimeout(ms: number | null): void;
}

declare module 'text-fragments-polyfill/text-fragment-utils' {
  import type { TextFragment } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
  export function processTextFragmentDirective(fragment: TextFragment, doc?: Document, root?: Element): Range[];
}
