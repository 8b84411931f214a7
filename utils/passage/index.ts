// Passage links' public face: the text fragment (`#:~:text=`) for a range of a laid-out document, made by the
// generator Chrome's "copy link to highlight" runs and checked unique on the page the link opens. It bundles that
// generator: loaded only where a link is asked for (the reader's dynamic import, the page script `passage.js`).
export { passageFragment } from './fragment';
