import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

/** Every interface string's key; the English file is the reference every locale must match. */
export type MessageKey = keyof typeof english;

/** The localized string for `key` in the browser's language, from `_locales`. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/**
 * The language Lectern speaks, for `lang` attributes, dates and numbers: the language of the strings it shows (each
 * locale file names its own), with the browser's region where the browser speaks that language too ("en-GB" writes
 * dates the British way). The browser's own language alone can differ from the strings' (Firefox matches add-on
 * strings to the requested locales, which a browser without that language pack doesn't switch to).
 */
export function uiLanguage(): string {
  const strings = t('locale') || 'en';
  const browserLanguage = browser.i18n.getUILanguage();
  return browserLanguage.toLowerCase().split(/[-_]/)[0] === strings ? browserLanguage : strings;
}
