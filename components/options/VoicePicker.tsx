import { useEffect, useState } from 'preact/hooks';
import { listVoices, t, uiLanguage } from '@/utils/browser';
import { voiceLanguage, voicesFor } from '@/utils/reader';
import { chooseVoice, type Settings } from '@/utils/settings';

/** Lists a language's name in the interface language ("Deutsch" → "German"), or its tag where the engine can't. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The read-aloud voice for each language: pick a language the browser has voices for, then its voice. */
export function VoicePicker({
  settings,
  update,
}: {
  settings: Settings;
  update: (change: (s: Settings) => Settings) => void;
}) {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(null);
  const [lang, setLang] = useState(voiceLanguage(uiLanguage()));
  useEffect(() => void listVoices().then(setVoices), []);
  if (voices === null) return null;
  const languages = [...new Set(voices.map((v) => voiceLanguage(v.lang)))].sort();
  const current = languages.includes(lang) ? lang : (languages[0] ?? lang);
  const chosen = settings.voices[current] ?? '';
  return (
    <fieldset class="field" data-setting="voice">
      <legend class="label">{t('optionsVoice')}</legend>
      {languages.length === 0 ? (
        <p class="hint" data-lectern="no-voices">
          {t('optionsNoVoices')}
        </p>
      ) : (
        <div class="choices">
          <label class="choice">
            {t('optionsVoiceLanguage')}{' '}
            <select value={current} data-setting="voice-language" onChange={(e) => setLang(e.currentTarget.value)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </label>
          <label class="choice">
            {t('speechVoice')}{' '}
            <select
              value={chosen}
              data-setting="voice-name"
              onChange={(e) => {
                const name = e.currentTarget.value || null;
                update((s) => chooseVoice(s, current, name));
              }}
            >
              <option value="">{t('speechVoiceAuto')}</option>
              {voicesFor(voices, current).map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}
