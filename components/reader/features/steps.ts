// Work on a very large page cut into steps, so that the reader answers (scrolls, keys, frames) between them.

/** Characters of markup the parser takes in one step: a few milliseconds of parsing. */
const PARSE_STEP = 256 * 1024;

/** Resolves in a task of its own, after what is waiting (input, frames): no timer clamping, even in a hidden tab. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Parses `html` like `DOMParser` (a document without a window: no script runs, nothing loads), a step at a time:
 * the parser takes the markup in pieces, as it does from the network, with `pause` awaited between them. Where the
 * browser doesn't let a script feed a document's parser, the markup is parsed in one go.
 */
export async function parseInSteps(html: string, pause: () => Promise<void>): Promise<Document> {
  const doc = document.implementation.createHTMLDocument('');
  try {
    doc.open();
    for (let at = 0; at < html.length; at += PARSE_STEP) {
      doc.write(html.slice(at, at + PARSE_STEP));
      await pause();
    }
    doc.close();
    noscriptAsMarkup(doc);
    return doc;
  } catch {
    return new DOMParser().parseFromString(html, 'text/html');
  }
}

/**
 * Firefox's parser, fed by a script, reads a `<noscript>`'s content as text (as with scripting on), where `DOMParser`
 * builds its elements: they are built here too, inert in a template, so extraction sees what it sees in one go.
 */
function noscriptAsMarkup(doc: Document): void {
  for (const noscript of Array.from(doc.getElementsByTagName('noscript'))) {
    if (noscript.childElementCount || !noscript.textContent?.includes('<')) continue;
    const template = doc.createElement('template');
    template.innerHTML = noscript.textContent;
    noscript.replaceChildren(template.content);
  }
}
