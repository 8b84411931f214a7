// The detection half of Readability on its own, so the every-page content script doesn't bundle the parser.
declare module '@mozilla/readability/Readability-readerable.js' {
  export { isProbablyReaderable } from '@mozilla/readability';
}
