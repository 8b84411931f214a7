import type { ClipboardPayload } from '@/utils/share';

/**
 * Puts text (and HTML, for rich pastes) on the clipboard: the async Clipboard API first, then the copy command
 * where a page or browser refuses it. Resolves whether it worked. A DOM adapter shared by every context.
 */
export async function writeClipboard(payload: ClipboardPayload, doc: Document = document): Promise<boolean> {
  try {
    if (payload.html !== undefined && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([payload.text], { type: 'text/plain' }),
          'text/html': new Blob([payload.html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(payload.text);
    }
    return true;
  } catch {
    return copyWithCommand(payload, doc);
  }
}

/** The copy command, with our data set in the copy event (so no selection is needed and HTML goes along). */
function copyWithCommand(payload: ClipboardPayload, doc: Document): boolean {
  let wrote = false;
  const onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', payload.text);
    if (payload.html !== undefined) event.clipboardData.setData('text/html', payload.html);
    event.preventDefault();
    event.stopImmediatePropagation();
    wrote = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    return doc.execCommand('copy') && wrote;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
}
