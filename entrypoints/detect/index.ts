import { isReaderable } from '@/utils/detect';

// Run by the background in each web page once it has loaded (`detect.js`, see utils/browser/in-page.ts); its answer is the
// toolbar badge. This is all Lectern costs on a page that is never read: no listener stays behind, no messaging API is
// touched (the first touch of one costs a content script more than the check), Readability, DOMPurify and Preact never
// load here.
export default defineUnlistedScript(() => isReaderable(document));
