/** The reader page's address: which tab it reads and whether it prints on opening. Pure: both directions in one place. */

export interface ReaderParams {
  /** The tab whose page the reader shows, or null when the address names none. */
  sourceTabId: number | null;
  /** Print as soon as the article is shown (the popup's "print clean version"). */
  print: boolean;
}

/** The reader page's address for the tab it reads. */
export function readerPath(sourceTabId: number, print: boolean): `/reader.html${string}` {
  return `/reader.html?tab=${sourceTabId}${print ? '&print=1' : ''}`;
}

/** What a reader page's query string asks for (`location.search`). */
export function readerParams(search: string): ReaderParams {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const id = tab === null || tab === '' ? NaN : Number(tab);
  return { sourceTabId: Number.isInteger(id) && id >= 0 ? id : null, print: params.get('print') === '1' };
}
