import { copyText } from './clipboard';
import { t } from '@/utils/i18n';
import type { ToastMessage } from './Toast';

let toastId = 0;

/** Copy link: the article's address on the clipboard, and the confirmation (or the reason it failed) to show. */
export async function copyLink(url: string): Promise<ToastMessage> {
  const ok = await copyText(url);
  return { text: t(ok ? 'linkCopied' : 'copyFailed'), kind: ok ? 'ok' : 'error', id: ++toastId };
}
