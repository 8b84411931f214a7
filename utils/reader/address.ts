/** The reader page's address: which tab it reads and whether it prints on opening. Pure: both directions in one place. */

export interface ReaderParams {
  /** The tab whose page the reader shows, or null when the address names none. */
  sourceTabId: number | null;
  /** Print as soon as the article is shown (the popup's "print clean version"). */
  print: boolean;
  /** A saved article to show from the library (its id), instead of a tab's page. */
  saved: string | null;
  /** Save the article to the library once it is shown (the popup's and the context menu's "save to library"). */
  save: boolean;
}

/** The reader page's address for the tab it reads. */
export function readerPath(sourceTabId: number, print: boolean, save = false): `/reader.html${string}` {
  return `/reader.html?tab=${sourceTabId}${print ? '&print=1' : ''}${save ? '&save=1' : ''}`;
}

/** The reader page's address for an article saved in the library (read from there, network or not). */
export function savedReaderPath(id: string): `/reader.html${string}` {
  return `/reader.html?saved=${encodeURIComponent(id)}`;
}

/** What a reader page's query string asks for (`location.search`). */
export function readerParams(search: string): ReaderParams {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const id = tab === null || tab === '' ? NaN : Number(tab);
  return {
    sourceTabId: Number.isInteger(id) && id >= 0 ? id : null,
    print: params.get('print') === '1',
    saved: params.get('saved') || null,
    save: params.get('save') === '1',
  };
}
