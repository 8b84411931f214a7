// The detection half of Readability on its own (a CommonJS default export), so the every-page content script
// doesn't bundle the parser.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
