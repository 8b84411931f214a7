/**
 * In serialized markup, what `<script` or `<style` can start: a comment (kept whole, whatever it holds), a script
 * (kept only when it is JSON-LD, the metadata) or a style sheet. Serializers escape `<` in text and, in the browsers
 * Lectern supports, in attribute values too, so nothing else can start with them.
 */
const UNREAD = /<!--[\s\S]*?-->|<script\b([^>]*)>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const JSON_LD = /\btype\s*=\s*"\s*application\/ld\+json\s*"/i;

/**
 * Serialized markup without its scripts' and style sheets' text: the reader would receive it, parse it and drop it,
 * and on some pages it is most of the bytes (a 1.1 MB news page is 65 kB without its CSS and scripts). JSON-LD stays.
 */
export function withoutUnreadText(html: string): string {
  return html.replace(UNREAD, (found: string, scriptAttrs?: string) =>
    found.startsWith('<!--') || (scriptAttrs !== undefined && JSON_LD.test(scriptAttrs)) ? found : '',
  );
}

/** The page's markup for the reader (snapshot.js): its serialization, never the live page, without the unread text. */
export function snapshotMarkup(doc: Document): string {
  return withoutUnreadText(doc.documentElement?.outerHTML ?? '');
}
