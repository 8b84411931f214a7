import { useEffect, useMemo, useState } from 'preact/hooks';
import { notice } from '@/components/shared/copy-link';
import { Toast, type ToastMessage } from '@/components/shared/Toast';
import { useSettings } from '@/components/shared/use-settings';
import { useSettingsOnScreen } from '@/components/shared/use-settings-on-screen';
import {
  openLibraryStore,
  openPage,
  sendToExtension,
  t,
  watchLibrary,
  type LibraryStore,
  type MessageKey,
  type RemovedArticle,
} from '@/utils/browser';
import {
  DEFAULT_FILTER,
  READ_STATES,
  SORTS,
  facets,
  matchesFilter,
  siteOf,
  sortEntries,
  type LibraryEntry,
  type LibraryFilter,
  type LibrarySort,
  type ReadState,
} from '@/utils/library';
import { formatDate, formatNumber, savedReaderPath } from '@/utils/reader';
import { BackupControls } from './BackupControls';
import { ExportMenu } from './ExportMenu';
import { SyncStatus } from './SyncStatus';
import { useFirstRenderMark } from './first-render';
import { createSearchIndex } from './search-index';
import { useListWindow } from './window';

/** How many of the newest are read and drawn first. */
export const FIRST_SCREEN = 20;

const SORT_LABELS: Record<LibrarySort, MessageKey> = {
  'saved-newest': 'sortSavedNewest',
  'saved-oldest': 'sortSavedOldest',
  published: 'sortPublished',
  title: 'sortTitle',
  site: 'sortSite',
  length: 'sortLength',
};

const STATE_LABELS: Record<ReadState | 'active' | 'all', MessageKey> = {
  active: 'stateActive',
  all: 'stateAll',
  unread: 'stateUnread',
  reading: 'stateReading',
  finished: 'stateFinished',
  archived: 'stateArchived',
};

/** An article's own state, as its line says it (the filter's labels name groups: "Unread" articles, «Непрочитанные»). */
const ITEM_STATE_LABELS: Record<ReadState, MessageKey> = {
  unread: 'itemUnread',
  reading: 'itemReading',
  finished: 'itemFinished',
  archived: 'itemArchived',
};

/** `first`: the newest few, drawn while the whole list is read (a library of thousands). */
type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'first'; entries: LibraryEntry[] }
  | { kind: 'ready'; entries: LibraryEntry[] };

interface LibraryProps {
  locale: string;
  store?: LibraryStore;
  /** The newest FIRST_SCREEN entries, asked for by the page before its first render (the read overlaps it). */
  newest?: Promise<LibraryEntry[]>;
}

/**
 * The library page: every saved article with its title, site, date, reading time and progress; sort, filters (state,
 * site, tag), full-text search as you type, tags, archive, delete with undo, and the same on a selection of many.
 */
export function LibraryApp({ locale, store: given, newest }: LibraryProps) {
  const store = useMemo(() => given ?? openLibraryStore(), [given]);
  const [settings] = useSettings();
  useSettingsOnScreen(settings);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [sort, setSort] = useState<LibrarySort>('saved-newest');
  const [filter, setFilter] = useState<LibraryFilter>(DEFAULT_FILTER);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<string[] | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editingTags, setEditingTags] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const search = useMemo(() => createSearchIndex(store), [store]);

  const reload = (): void => {
    store.entries().then(
      (entries) => setLoaded({ kind: 'ready', entries }),
      () => setLoaded({ kind: 'failed' }),
    );
  };
  useEffect(() => {
    // The whole list is read once the first screen's few are painted (read together, the long read would hold the
    // short one, and its thousands of records arriving would hold the first frame).
    (newest ?? store.newest(FIRST_SCREEN))
      .then(
        (entries) => setLoaded((now) => (now.kind === 'loading' ? { kind: 'first', entries } : now)),
        () => undefined,
      )
      .finally(() => requestAnimationFrame(() => setTimeout(reload, 0)));
    return watchLibrary(reload);
  }, [store]);

  // The index is built on the first search (MiniSearch loads then) or once the page is idle, and kept up to date.
  const entries = 'entries' in loaded ? loaded.entries : [];
  useFirstRenderMark(loaded.kind);
  useEffect(() => {
    if (loaded.kind !== 'ready' || !entries.length) return undefined;
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 500));
    const handle = idle(() => void search.over(entries).catch(() => undefined));
    return () => (globalThis.cancelIdleCallback ?? clearTimeout)(handle as number);
  }, [loaded]);
  useEffect(() => {
    if (!query.trim() || loaded.kind !== 'ready') return setFound(null);
    let live = true;
    void search.over(entries).then(
      (index) => live && setFound(index.find(query)),
      () => live && setToast(notice('libraryNotLoaded')),
    );
    return () => {
      live = false;
    };
  }, [query, loaded]);

  const shown = useMemo(() => {
    const filtered = entries.filter((entry) => matchesFilter(entry, filter));
    if (found === null) return sortEntries(filtered, sort);
    // Search results keep their rank (best first).
    const byId = new Map(filtered.map((entry) => [entry.id, entry]));
    return found.map((id) => byId.get(id)).filter((entry) => entry !== undefined);
  }, [entries, filter, sort, found]);
  const { sites, tags } = useMemo(() => facets(entries), [entries]);
  const chosen = shown.filter((entry) => selected.has(entry.id));
  const { limit, marker } = useListWindow(shown.length, `${sort} ${JSON.stringify(filter)} ${String(found)}`);

  const failed =
    (key: MessageKey = 'libraryNotSaved') =>
    () =>
      setToast(notice(key));

  const remove = (ids: string[]): void => {
    store.remove(ids).then((removed: RemovedArticle[]) => {
      setSelected(new Set());
      setToast({
        ...notice('articlesDeleted'),
        text: t('articlesDeleted', formatNumber(removed.length, locale)),
        kind: 'ok',
        action: { name: 'undo', label: t('undo'), run: () => void store.restore(removed).catch(failed()) },
      });
    }, failed());
  };

  const setState = (ids: string[], state: ReadState): void => {
    const before = entries.filter((entry) => ids.includes(entry.id)).map((entry) => [entry.id, entry.state] as const);
    Promise.all(ids.map((id) => store.update(id, { state }))).then(() => {
      setSelected(new Set());
      if (state !== 'archived') return;
      setToast({
        ...notice('articlesArchived'),
        text: t('articlesArchived', formatNumber(ids.length, locale)),
        kind: 'ok',
        action: {
          name: 'undo',
          label: t('undo'),
          run: () =>
            void Promise.all(before.map(([id, previous]) => store.update(id, { state: previous }))).catch(failed()),
        },
      });
    }, failed());
  };

  const toggle = (id: string): void =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  /** A plain click opens the reader in a tab beside the library (a modified click is the browser's: a new window…). */
  const open = (entry: LibraryEntry, event: MouseEvent): void => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    // Not read yet: its page opens and the reader saves it.
    if (entry.pending) void sendToExtension({ type: 'read-pending', url: entry.url });
    else void openPage(savedReaderPath(entry.id));
  };

  return (
    <main class="library" data-lectern="library" data-state={loaded.kind}>
      <header class="library-head">
        <h1>{t('libraryTitle')}</h1>
        <p class="library-count" aria-live="polite">
          {loaded.kind === 'ready' && t('libraryCount', formatNumber(shown.length, locale))}
        </p>
        <BackupControls locale={locale} onMessage={setToast} />
        <input
          type="search"
          class="library-search"
          data-lectern="library-search"
          placeholder={t('librarySearch')}
          aria-label={t('librarySearch')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </header>
      <SyncStatus locale={locale} />
      <div class="library-controls">
        <label>
          <span>{t('librarySort')}</span>
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as LibrarySort)} data-control="sort">
            {SORTS.map((s) => (
              <option value={s}>{t(SORT_LABELS[s])}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterState')}</span>
          <select
            value={filter.state}
            data-control="state"
            onChange={(e) => setFilter({ ...filter, state: e.currentTarget.value as LibraryFilter['state'] })}
          >
            {(['active', 'all', ...READ_STATES] as const).map((s) => (
              <option value={s}>{t(STATE_LABELS[s])}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterSite')}</span>
          <select
            value={filter.site ?? ''}
            data-control="site"
            onChange={(e) => setFilter({ ...filter, site: e.currentTarget.value || null })}
          >
            <option value="">{t('anySite')}</option>
            {sites.map(([site, count]) => (
              <option value={site}>{`${site} (${formatNumber(count, locale)})`}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterTag')}</span>
          <select
            value={filter.tag ?? ''}
            data-control="tag"
            onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value || null })}
          >
            <option value="">{t('anyTag')}</option>
            {tags.map(([tag, count]) => (
              <option value={tag}>{`${tag} (${formatNumber(count, locale)})`}</option>
            ))}
          </select>
        </label>
      </div>
      <div class="library-bulk" role="group" aria-label={t('selectedCount', formatNumber(chosen.length, locale))}>
        <label class="choice">
          <input
            type="checkbox"
            data-control="select-all"
            checked={shown.length > 0 && chosen.length === shown.length}
            onChange={(e) => setSelected(new Set(e.currentTarget.checked ? shown.map((entry) => entry.id) : []))}
          />
          {t('selectAll')}
        </label>
        <span class="library-selected">{t('selectedCount', formatNumber(chosen.length, locale))}</span>
        <button
          type="button"
          class="secondary small"
          data-action="archive-selected"
          disabled={!chosen.length}
          onClick={() =>
            setState(
              chosen.map((entry) => entry.id),
              'archived',
            )
          }
        >
          {t('archive')}
        </button>
        <button
          type="button"
          class="secondary small"
          data-action="delete-selected"
          disabled={!chosen.length}
          onClick={() => remove(chosen.map((entry) => entry.id))}
        >
          {t('deleteArticles')}
        </button>
        <ExportMenu
          ids={chosen.map((entry) => entry.id)}
          store={store}
          locale={locale}
          onMessage={setToast}
          disabled={!chosen.length}
        />
      </div>
      <section aria-label={t('libraryTitle')}>
        {loaded.kind === 'failed' && (
          <p class="library-message" role="alert" data-lectern="library-message">
            {t('libraryNotLoaded')}
          </p>
        )}
        {loaded.kind === 'ready' && entries.length === 0 && (
          <p class="library-message" data-lectern="library-message">
            {t('libraryEmpty')}
          </p>
        )}
        {loaded.kind === 'ready' && entries.length > 0 && shown.length === 0 && (
          <p class="library-message" data-lectern="library-message">
            {t('libraryNoMatch')}
          </p>
        )}
        <ul class="library-list" role="list">
          {shown.slice(0, limit).map((entry) => {
            const date = formatDate(entry.published, locale);
            const percent = Math.round(entry.progress * 100);
            const titleId = `title-${encodeURIComponent(entry.id)}`;
            return (
              <li
                key={entry.id}
                class="library-item"
                data-lectern="library-item"
                data-id={entry.id}
                data-state={entry.state}
              >
                <input
                  type="checkbox"
                  class="library-check"
                  checked={selected.has(entry.id)}
                  onChange={() => toggle(entry.id)}
                  aria-label={`${t('selectArticle')}: ${entry.title}`}
                />
                <div class="library-body">
                  <a
                    class="library-title"
                    id={titleId}
                    href={savedReaderPath(entry.id)}
                    target="_blank"
                    lang={entry.lang ?? undefined}
                    dir={entry.dir ?? undefined}
                    onClick={(e) => open(entry, e)}
                  >
                    {entry.title}
                  </a>
                  <p class="library-meta">
                    <bdi>{siteOf(entry)}</bdi>
                    {date && <bdi>{date}</bdi>}
                    {entry.readingMinutes > 0 && <bdi>{t('readingMinutes', String(entry.readingMinutes))}</bdi>}
                    <bdi>{t(ITEM_STATE_LABELS[entry.state])}</bdi>
                    {percent > 0 && <bdi data-lectern="library-progress">{t('progressPercent', String(percent))}</bdi>}
                    {entry.pending && <bdi>{t('notReadYet')}</bdi>}
                    {entry.images.left > 0 && (
                      <bdi class="library-note">{t('imagesLeftOut', formatNumber(entry.images.left, locale))}</bdi>
                    )}
                  </p>
                  {entry.progress > 0 && (
                    <div class="library-progress" aria-hidden="true">
                      <div style={{ width: `${percent}%` }} />
                    </div>
                  )}
                  {editingTags === entry.id ? (
                    <form
                      class="library-tags-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const value = new FormData(e.currentTarget).get('tags');
                        const list = String(value ?? '').split(',');
                        store.update(entry.id, { tags: list }).catch(failed());
                        setEditingTags(null);
                      }}
                    >
                      <label>
                        <span>{t('tagsLabel')}</span>
                        <input
                          name="tags"
                          defaultValue={entry.tags.join(', ')}
                          ref={(input) => input?.focus()}
                          onKeyDown={(e) => e.key === 'Escape' && setEditingTags(null)}
                        />
                      </label>
                      <button type="submit" class="secondary small">
                        OK
                      </button>
                    </form>
                  ) : (
                    entry.tags.length > 0 && (
                      <ul class="library-tags" role="list">
                        {entry.tags.map((tag) => (
                          <li>
                            <button
                              type="button"
                              class="tag"
                              aria-pressed={filter.tag === tag}
                              onClick={() => setFilter({ ...filter, tag: filter.tag === tag ? null : tag })}
                            >
                              {tag}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )
                  )}
                </div>
                <div class="library-actions" role="group" aria-labelledby={titleId}>
                  <button
                    type="button"
                    class="secondary small"
                    data-action="tags"
                    onClick={() => setEditingTags(editingTags === entry.id ? null : entry.id)}
                  >
                    {t('editTags')}
                  </button>
                  <button
                    type="button"
                    class="secondary small"
                    data-action="archive"
                    onClick={() => setState([entry.id], entry.state === 'archived' ? 'unread' : 'archived')}
                  >
                    {t(entry.state === 'archived' ? 'unarchive' : 'archive')}
                  </button>
                  <button type="button" class="secondary small" data-action="delete" onClick={() => remove([entry.id])}>
                    {t('deleteArticles')}
                  </button>
                  <ExportMenu ids={[entry.id]} store={store} locale={locale} onMessage={setToast} />
                </div>
              </li>
            );
          })}
        </ul>
        {limit < shown.length && <div class="library-more" ref={marker} aria-hidden="true" />}
        <p class="library-foot">{t('libraryNote')}</p>
      </section>
      <Toast message={toast} />
    </main>
  );
}
