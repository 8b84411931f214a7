import { writeClipboard, t, type MessageKey } from '@/utils/browser';
import type { Settings } from '@/utils/settings';
import { formatLink, type ClipboardPayload, type LinkSource } from '@/utils/share';
import type { ToastMessage } from './Toast';

let toastId = 0;

/** Copies a payload and returns the confirmation (or the reason it failed) to show. */
export async function copyWithToast(payload: ClipboardPayload, done: MessageKey = 'linkCopied'): Promise<ToastMessage> {
  const ok = await writeClipboard(payload);
  return { text: t(ok ? done : 'copyFailed'), kind: ok ? 'ok' : 'error', id: ++toastId };
}

/** Copy link: the clean address on the clipboard, or the exact one if the user chose so. */
export function copyLink(source: LinkSource, settings: Pick<Settings, 'copyExactAddress'>): Promise<ToastMessage> {
  return copyWithToast(formatLink('link', source, { exact: settings.copyExactAddress }));
}

/** A message that isn't a copy result (e.g. "select some text first"). */
export function notice(key: MessageKey): ToastMessage {
  return { text: t(key), kind: 'error', id: ++toastId };
}
