import type { PassageAnswer } from '@/utils/browser';
import { passageFragment } from '@/utils/passage';

// Run in a page only when a quote of its selection is asked for (`passage.js`, see utils/browser/in-page.ts): the text
// fragment for the user's selection, made and checked unique on the page itself; null where none can be made.
export default defineUnlistedScript((): PassageAnswer => {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { fragment: null };
  try {
    return { fragment: passageFragment(selection.getRangeAt(0), document) };
  } catch {
    return { fragment: null };
  }
});
