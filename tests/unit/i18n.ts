import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * Component tests read the real English strings: the fake browser has no i18n, so getMessage is answered from
 * _locales/en the way browsers do it (named placeholders → $1, $2 … → the substitutions).
 */
export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const entry = (english as Record<string, Entry>)[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message
      .replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  });
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
}
