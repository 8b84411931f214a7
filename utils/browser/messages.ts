import { browser, type Browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings';
import type { PageOpening, PageSnapshot } from './in-page';

/**
 * The one message protocol between Lectern's own contexts (background, reader, popup; web pages answer through the
 * scripts of utils/browser/in-page.ts instead). Every message names its sender and receiver, and `Replies` gives the type each
 * one answers with.
 */

export type Message =
  /**
   * reader → background: the snapshot of this tab that the background asked for while the reader was opening, or
   * null when it has none.
   */
  | { type: 'prefetched-snapshot'; tabId: number }
  /**
   * reader → background: a very large page's opening (a small document's markup) that the background asked for just
   * before the snapshot, or null (an ordinary page, none asked, or none arrived in time).
   */
  | { type: 'prefetched-opening'; tabId: number }
  /** popup → background: open the reader for a tab (and print it, or save it to the library). */
  | { type: 'open-reader'; tabId: number; print: boolean; save?: boolean }
  /**
   * library → background: read an article saved as a link (not read yet) from its address: its page opens in a tab and
   * the reader saves it, which replaces the queued entry.
   */
  | { type: 'read-pending'; url: string }
  /**
   * reader → background: the reader's verdict on the page at `url` in a tab (an article or not), which outranks the
   * quick check's for that page: the badge and the popup then say what the reader said.
   */
  | { type: 'reader-verdict'; tabId: number; url: string; article: boolean }
  /** popup → background: the reader's verdict on the tab's page, when a reader has judged it. */
  | { type: 'page-verdict'; tabId: number }
  /** any page → background: the library changed here, so its index syncs (and a sleeping service worker wakes). */
  | { type: 'library-changed' };

/** What the reader found a page to be. */
export interface PageVerdict {
  url: string;
  article: boolean;
}

export interface Replies {
  'prefetched-snapshot': PageSnapshot | null;
  'prefetched-opening': PageOpening | null;
  'open-reader': void;
  'read-pending': void;
  'reader-verdict': void;
  'page-verdict': PageVerdict | null;
  'library-changed': void;
}

/**
 * page → background, on a port of this name: the settings a page has changed but not yet stored (null once stored).
 * If the page closes first, the background stores them (see settings-store.ts).
 */
export const UNSAVED_SETTINGS_PORT = 'unsaved-settings';
export interface UnsavedSettings {
  settings: Settings | null;
}

export type MessageType = Message['type'];
export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

export type Handlers = {
  [K in MessageType]?: (
    message: MessageOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => Replies[K] | Promise<Replies[K]> | NotMine;
};

/** A handler returns this to leave a message to another listener (several reader pages hear the same broadcast). */
export const NOT_MINE = undefined;
type NotMine = typeof NOT_MINE;

/**
 * How a reply travels: the value, or the handler's error as text. Listeners answer through `sendResponse`, the one
 * way every browser supports natively (Lectern uses the browsers' own promise-based APIs, without webextension-polyfill).
 */
type Envelope = { ok: true; value: unknown } | { ok: false; error: string };

function unwrap<T>(envelope: unknown): T {
  // No listener answered (e.g. a broadcast no reader claimed): the browser resolves with undefined.
  if (envelope === undefined) return undefined as T;
  const reply = envelope as Envelope;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

export async function sendToExtension<K extends MessageType>(message: MessageOf<K>): Promise<Replies[K]> {
  return unwrap<Replies[K]>(await browser.runtime.sendMessage(message));
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Answers the messages this context handles and leaves the rest to other listeners; returns the unlisten function. */
export function listen(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Envelope) => void,
  ): true | undefined => {
    if (!isMessage(message)) return undefined;
    const handler = handlers[message.type] as ((m: Message, s: Browser.runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    let reply: unknown;
    try {
      reply = handler(message, sender);
    } catch (error) {
      sendResponse({ ok: false, error: String(error) });
      return undefined;
    }
    if (reply === NOT_MINE) return undefined;
    Promise.resolve(reply).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: String(error) }),
    );
    // Keeps the channel open for the asynchronous answer.
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
