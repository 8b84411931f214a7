import { browser, type Browser } from 'wxt/browser';
import type { ClipboardPayload } from './links';

/**
 * The one message protocol between Lectern's contexts. Every message names its sender and receiver,
 * and `Replies` gives the type each one answers with.
 */

/** What the content script reports of its page. */
export interface PageInfo {
  url: string;
  title: string;
  readerable: boolean;
  /** The canonical address the page declares, if any. */
  canonical: string | null;
  /** The site's name as the page states it (Open Graph), if any. */
  siteName: string | null;
  /** The selected text, paragraphs kept; empty when nothing is selected. */
  selection: string;
  /** The document's type (text/html, application/pdf for the browser's PDF viewer, image/svg+xml...). */
  contentType: string;
}

/** A serialized copy of the page for extraction in the reader (the live page is never handed over). */
export interface PageSnapshot {
  url: string;
  /** The document's type (text/html, application/pdf for the browser's PDF viewer, image/svg+xml...). */
  contentType: string;
  html: string;
  /** The user's selection as HTML, empty when nothing is selected. */
  selectionHtml: string;
}

export type Message =
  /** content → background: the detection result for the sender's tab. */
  | { type: 'detected'; readerable: boolean }
  /** popup → content: what is this page? */
  | { type: 'page-info' }
  /** reader → content: the page to extract. */
  | { type: 'snapshot' }
  /**
   * reader → background: the snapshot of this tab that the background asked for while the reader was opening, or
   * null when it has none.
   */
  | { type: 'prefetched-snapshot'; tabId: number }
  /** popup → background: open the reader for a tab (and print it). */
  | { type: 'open-reader'; tabId: number; print: boolean }
  /** background → content: the tab's address changed without a page load; check the page again. */
  | { type: 'recheck' }
  /** background → content: put this on the clipboard and confirm it on the page; answers whether each worked. */
  | { type: 'copy'; payload: ClipboardPayload; confirmation: string; failure: string }
  /** background → reader pages: the reader in this tab closes and answers true; other readers stay silent. */
  | { type: 'close-reader-in-tab'; tabId: number };

export interface Replies {
  detected: void;
  'page-info': PageInfo;
  snapshot: PageSnapshot;
  'prefetched-snapshot': PageSnapshot | null;
  'open-reader': void;
  copy: { copied: boolean; shown: boolean };
  recheck: true;
  'close-reader-in-tab': true;
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

export async function sendToTab<K extends MessageType>(tabId: number, message: MessageOf<K>): Promise<Replies[K]> {
  return unwrap<Replies[K]>(await browser.tabs.sendMessage(tabId, message));
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
