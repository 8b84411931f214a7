import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

/** Every interface string's key; the English file is the reference every locale must match. */
export type MessageKey = keyof typeof english;

/** The localized string for `key` in the browser's language, from `_locales`. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** The browser's UI language, for `lang` attributes. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
