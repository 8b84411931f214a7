import { writeClipboard, type CopyRequest, type CopyResult, type InPageGlobal } from '@/utils/browser';
import { showPageToast } from './toast';

// Run in a page before a copy from the context menu or a shortcut (`copy.js`, see utils/browser/in-page.ts): leaves the
// copy function in Lectern's own world of the page (invisible to the page's scripts), which the next injection calls
// with what to copy.
export default defineUnlistedScript(() => {
  (globalThis as InPageGlobal).lecternCopy ??= async ({
    payload,
    confirmation,
    failure,
  }: CopyRequest): Promise<CopyResult> => {
    const copied = await writeClipboard(payload);
    const shown = await showPageToast(copied ? confirmation : failure, !copied);
    return { copied, shown };
  };
});
