import { useState } from 'preact/hooks';
import { t } from '@/utils/browser';
import {
  addAutoOpenSite,
  removeAutoOpenSite,
  type Settings,
  MAX_AUTO_OPEN_SITES,
  normalizeHost,
} from '@/utils/settings';

/** The sites where the reader opens by itself: a list with remove buttons and a field to add one. */
export function AutoOpenSites({
  settings,
  update,
}: {
  settings: Settings;
  update: (change: (s: Settings) => Settings) => void;
}) {
  const [draft, setDraft] = useState('');
  const host = normalizeHost(draft);
  const full = settings.autoOpenSites.length >= MAX_AUTO_OPEN_SITES;
  const add = (event: Event): void => {
    event.preventDefault();
    if (!host || full) return;
    update((s) => addAutoOpenSite(s, host));
    setDraft('');
  };
  return (
    <section>
      <h2 id="auto-open-title">{t('optionsAutoOpen')}</h2>
      <p class="hint">{t('optionsAutoOpenHint')}</p>
      {settings.autoOpenSites.length ? (
        <ul class="targets" aria-labelledby="auto-open-title" data-lectern="auto-open-sites">
          {settings.autoOpenSites.map((site) => (
            <li key={site} data-site={site}>
              <span>{site}</span>
              <button
                type="button"
                class="secondary small"
                aria-label={t('optionsAutoOpenRemove', site)}
                title={t('optionsAutoOpenRemove', site)}
                onClick={() => update((s) => removeAutoOpenSite(s, site))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint" data-lectern="auto-open-sites">
          {t('optionsAutoOpenNone')}
        </p>
      )}
      <form class="field" onSubmit={add}>
        <label for="auto-open-site" class="label">
          {t('optionsAutoOpenAdd')}
        </label>
        <input
          id="auto-open-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={draft.trim() !== '' && !host}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="secondary" data-action="add-site" disabled={!host || full}>
          {t('optionsAutoOpenAddButton')}
        </button>
      </form>
    </section>
  );
}
