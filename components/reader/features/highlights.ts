import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  anchorQuote,
  createHighlightSync,
  describeRange,
  readingOrder,
  type HighlightSync,
  type Highlight,
  type HighlightColor,
  type TextRange,
} from '@/utils/annotate';
import type { SyncState, SyncStorage } from '@/utils/sync';
import {
  openHighlightStore,
  recordSyncState,
  syncStorage,
  type HighlightStore,
  type MessageKey,
} from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { cleanUrl } from '@/utils/share';
import { articleBody, paintMarks, selectedRange } from './highlight-marks';

/**
 * Highlights and notes in the reader: loaded for the article's clean address and re-attached by their text once it
 * is on screen, drawn as marks, changed in memory first and then written one record at a time. A write that fails
 * says so and is tried again with the next change; the highlight stays on screen meanwhile, and nothing stored is
 * touched but the one record.
 */

export interface PlacedHighlight {
  highlight: Highlight;
  /** Where it is in the article's text now; null when its text is gone (orphaned). */
  range: TextRange | null;
}

export interface Highlights {
  /** In reading order, the orphans last. */
  items: PlacedHighlight[];
  /** Highlights the selection in the article; null when nothing there is selected. */
  create: (color: HighlightColor) => Highlight | null;
  change: (id: string, change: Partial<Pick<Highlight, 'color' | 'note'>>) => void;
  /** Removes a highlight; returns it (with where it was) so it can be put back. */
  remove: (id: string) => PlacedHighlight | null;
  restore: (item: PlacedHighlight) => void;
  /** How storage.sync stands for this article (see utils/sync's engine). */
  syncState: SyncState;
  /** Every article's highlights, for the export of them all. */
  all: () => Promise<Highlight[]>;
}

/** What waits to be written: the record, or its deletion. */
type Pending = Map<string, Highlight | 'deleted'>;

export function useHighlights(
  article: Article | null,
  onProblem: (key: MessageKey) => void,
  store: HighlightStore = defaultStore(),
  /** storage.sync (null: no sync, as in tests of the rest). */
  area: SyncStorage | null = syncStorage,
): Highlights {
  const [items, setItems] = useState<PlacedHighlight[]>([]);
  const [syncState, setSyncState] = useState<SyncState>('pending');
  const sync = useRef<HighlightSync | null>(null);
  const pending = useRef<Pending>(new Map());
  const problem = useRef(onProblem);
  problem.current = onProblem;
  const url = useMemo(() => (article ? cleanUrl({ url: article.url, canonical: article.canonical }) : null), [article]);

  useEffect(() => {
    if (!url) return undefined;
    let live = true;
    /** Places what the store holds: highlights made while it was loading stay, each stored one is placed by its text. */
    const place = (stored: Highlight[], replace: boolean): void => {
      // Read only when a highlight is to be anchored: on a very large article that read is a long step of its own.
      let text: string | null = null;
      const bodyText = (): string => (text ??= articleBody()?.textContent ?? '');
      setItems((now) => {
        const ids = new Set(stored.map((h) => h.id));
        const kept = replace ? now.filter((i) => ids.has(i.highlight.id) || pending.current.has(i.highlight.id)) : now;
        const known = new Map(kept.map((i) => [i.highlight.id, i]));
        const loaded = stored.flatMap((h) => {
          const mine = known.get(h.id);
          if (mine && (!replace || pending.current.has(h.id) || mine.highlight.updated >= h.updated)) return [];
          return [
            {
              highlight: h,
              range: mine && mine.highlight.quote.exact === h.quote.exact ? mine.range : anchorQuote(bodyText(), h),
            },
          ];
        });
        const replaced = new Set(loaded.map((i) => i.highlight.id));
        return readingOrder([...kept.filter((i) => !replaced.has(i.highlight.id)), ...loaded]);
      });
    };
    const engine = area ? createHighlightSync(url, store, area) : null;
    sync.current = engine;
    engine?.onState((state) => {
      if (live) setSyncState(state);
      // The settings page says so too.
      void recordSyncState(url, state);
    });
    // Another device changed this article's highlights: they are in the store now; show them.
    engine?.onRemote(() => {
      void store.load(url).then((stored) => live && place(stored, true));
    });
    store.load(url).then(
      (stored) => {
        if (!live) return;
        place(stored, false);
        void engine?.syncNow();
      },
      () => live && problem.current('highlightsNotLoaded'),
    );
    return () => {
      live = false;
      engine?.stop();
      if (sync.current === engine) sync.current = null;
    };
  }, [url, store, area]);

  useLayoutEffect(() => {
    const body = articleBody();
    if (!body) return;
    paintMarks(
      body,
      items.flatMap(({ highlight, range }) =>
        range ? [{ id: highlight.id, color: highlight.color, hasNote: highlight.note.trim() !== '', range }] : [],
      ),
    );
  }, [items]);

  /** Writes what changed, and whatever earlier failed; one toast if any write fails. */
  const write = (id: string, value: Highlight | 'deleted'): void => {
    pending.current.set(id, value);
    const batch = [...pending.current];
    void Promise.allSettled(
      batch.map(async ([key, record]) => {
        await (record === 'deleted' ? store.remove(key) : store.save(record));
        if (pending.current.get(key) === record) pending.current.delete(key);
      }),
    ).then((results) => {
      if (results.some((r) => r.status === 'rejected')) problem.current('highlightNotSaved');
      // Sync reads the store: what was just written goes to the other devices.
      sync.current?.changed();
    });
  };

  const create = (color: HighlightColor): Highlight | null => {
    const body = articleBody();
    const selection = window.getSelection();
    const range = body && url ? selectedRange(body, selection) : null;
    if (!body || !url || !range) return null;
    const now = Date.now();
    const highlight: Highlight = {
      id: crypto.randomUUID(),
      url,
      color,
      note: '',
      ...describeRange(body.textContent ?? '', range.start, range.end),
      created: now,
      updated: now,
      ...(article?.title ? { title: article.title } : {}),
      ...(article?.siteName ? { site: article.siteName } : {}),
    };
    selection?.removeAllRanges();
    setItems((all) => readingOrder([...all, { highlight, range }]));
    write(highlight.id, highlight);
    return highlight;
  };

  const change: Highlights['change'] = (id, fields) => {
    const item = items.find((i) => i.highlight.id === id);
    if (!item) return;
    const highlight = { ...item.highlight, ...fields, updated: Date.now() };
    setItems((all) => all.map((i) => (i.highlight.id === id ? { ...i, highlight } : i)));
    write(id, highlight);
  };

  const remove: Highlights['remove'] = (id) => {
    const item = items.find((i) => i.highlight.id === id) ?? null;
    if (!item) return null;
    setItems((all) => all.filter((i) => i.highlight.id !== id));
    write(id, 'deleted');
    return item;
  };

  const restore: Highlights['restore'] = (item) => {
    // Put back later than its deletion, so sync brings it back on the other devices too.
    const back = { ...item, highlight: { ...item.highlight, updated: Date.now() } };
    setItems((all) => readingOrder([...all.filter((i) => i.highlight.id !== item.highlight.id), back]));
    write(item.highlight.id, back.highlight);
  };

  return { items, create, change, remove, restore, syncState, all: () => store.all() };
}

let shared: HighlightStore | null = null;
/** One store (one connection) for the reader's lifetime. */
function defaultStore(): HighlightStore {
  shared ??= openHighlightStore();
  return shared;
}
