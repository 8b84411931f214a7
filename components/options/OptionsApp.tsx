import { useEffect, useState } from 'preact/hooks';
import { SHARE_LABELS } from '@/components/shared/labels';
import { useSettings } from '@/components/shared/use-settings';
import { useSettingsOnScreen } from '@/components/shared/use-settings-on-screen';
import { openPage, t, uiLanguage } from '@/utils/browser';
import { formatNumber } from '@/utils/reader';
import { SPEECH_RATE, moveShareTarget, stepSpeechRate, toggleShareTarget } from '@/utils/settings';
import { TypographyControls } from '@/components/shared/TypographyControls';
import { KeyList } from '@/components/shared/KeyList';
import { notice } from '@/components/shared/copy-link';
import { Toast, type ToastMessage } from '@/components/shared/Toast';
import { AutoOpenSites } from './AutoOpenSites';
import { SyncStatus } from './SyncStatus';
import { VoicePicker } from './VoicePicker';
import { SHARE_TARGETS, normalizeInstance } from '@/utils/share';

export interface Shortcut {
  description: string;
  shortcut: string;
}

interface OptionsProps {
  shortcuts: Shortcut[];
  shortcutsPage: string | null;
  onOpenShortcuts: () => void;
}

/** All settings on one page, bound to the one settings schema; every change is saved at once and syncs. */
export function OptionsApp({ shortcuts, shortcutsPage, onOpenShortcuts }: OptionsProps) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [settings, update] = useSettings(null, () => setToast(notice('settingsNotSaved')));
  const [instance, setInstance] = useState('');
  useSettingsOnScreen(settings);
  // Follow changes made elsewhere, but never rewrite the field under the user's fingers.
  useEffect(() => {
    if (settings && document.activeElement?.id !== 'mastodon') setInstance(settings.mastodonInstance);
  }, [settings?.mastodonInstance]);
  if (!settings) return null;

  const instanceValid = normalizeInstance(instance) !== null;
  // Shown targets first, in the user's order, then the hidden ones.
  const ordered = [...settings.shareTargets, ...SHARE_TARGETS.filter((s) => !settings.shareTargets.includes(s))];

  return (
    <main class="options" data-lectern="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <button type="button" class="secondary" data-action="library" onClick={() => void openPage('/library.html')}>
          {t('openLibrary')}
        </button>
      </p>

      <section>
        <h2>{t('optionsReading')}</h2>
        <TypographyControls settings={settings} update={update} idPrefix="options" showFontSize />
        <div class="field" data-setting="speech-rate">
          <span class="label" id="speech-rate-label">
            {t('speechRate')}
          </span>
          <div class="tool-group" role="group" aria-labelledby="speech-rate-label">
            <button
              type="button"
              class="secondary small"
              disabled={settings.speechRate <= SPEECH_RATE.min}
              onClick={() => update((s) => stepSpeechRate(s, -1))}
              aria-label={t('speechSlower')}
              title={t('speechSlower')}
            >
              −
            </button>
            <output class="font-size-value">{`${formatNumber(settings.speechRate, uiLanguage())}×`}</output>
            <button
              type="button"
              class="secondary small"
              disabled={settings.speechRate >= SPEECH_RATE.max}
              onClick={() => update((s) => stepSpeechRate(s, 1))}
              aria-label={t('speechFaster')}
              title={t('speechFaster')}
            >
              +
            </button>
          </div>
        </div>
        <VoicePicker settings={settings} update={update} />
      </section>

      <AutoOpenSites settings={settings} update={update} />

      <section>
        <h2>{t('optionsSharing')}</h2>
        <p class="label" id="share-targets-label">
          {t('optionsShareTargets')}
        </p>
        <ol class="targets" aria-labelledby="share-targets-label" data-lectern="share-targets">
          {ordered.map((target) => {
            const shown = settings.shareTargets.includes(target);
            const index = settings.shareTargets.indexOf(target);
            const name = t(SHARE_LABELS[target]);
            return (
              <li key={target} class={shown ? 'shown' : 'hidden'} data-target={target}>
                <label class="choice">
                  <input type="checkbox" checked={shown} onChange={() => update((s) => toggleShareTarget(s, target))} />
                  {name}
                </label>
                <span class="move">
                  <button
                    type="button"
                    class="secondary small"
                    disabled={!shown || index === 0}
                    aria-label={t('moveUp', name)}
                    title={t('moveUp', name)}
                    data-move="up"
                    onClick={() => update((s) => moveShareTarget(s, target, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="secondary small"
                    disabled={!shown || index === settings.shareTargets.length - 1}
                    aria-label={t('moveDown', name)}
                    title={t('moveDown', name)}
                    data-move="down"
                    onClick={() => update((s) => moveShareTarget(s, target, 1))}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <label class="field" for="mastodon">
          <span class="label">{t('optionsMastodon')}</span>
          <input
            id="mastodon"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={instance}
            placeholder={t('optionsMastodonHint')}
            aria-invalid={!instanceValid}
            aria-describedby="mastodon-error"
            onInput={(e) => {
              const value = e.currentTarget.value;
              setInstance(value);
              const host = normalizeInstance(value);
              if (host) update((s) => ({ ...s, mastodonInstance: host }));
            }}
          />
        </label>
        <p id="mastodon-error" class="error" role="alert">
          {instanceValid ? '' : t('optionsMastodonInvalid')}
        </p>
        <div class="field">
          <label class="choice">
            <input
              type="checkbox"
              data-setting="copy-exact"
              checked={settings.copyExactAddress}
              onChange={(e) => {
                const copyExactAddress = e.currentTarget.checked;
                update((s) => ({ ...s, copyExactAddress }));
              }}
            />
            {t('optionsCopyExact')}
          </label>
        </div>
      </section>

      <SyncStatus />

      <section>
        <h2>{t('optionsShortcuts')}</h2>
        <dl class="shortcuts">
          {shortcuts.map((s) => (
            <div key={s.description} class="key-row">
              <dt>
                <kbd>{s.shortcut || t('shortcutNotSet')}</kbd>
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <h3 class="label">{t('optionsReaderKeys')}</h3>
        <KeyList class="shortcuts" data-lectern="reader-keys" />
        <p>
          {t('optionsShortcutsHint')}{' '}
          {shortcutsPage ? (
            <button type="button" class="link-button" onClick={onOpenShortcuts}>
              {shortcutsPage}
            </button>
          ) : (
            <span>{t('shortcutsFirefoxPath')}</span>
          )}
        </p>
      </section>
      <Toast message={toast} />
    </main>
  );
}
