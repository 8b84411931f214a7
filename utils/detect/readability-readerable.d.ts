// The detection half of Readability on its own (a CommonJS default export): the tests compare readerable.ts with it
// without loading the parser.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
