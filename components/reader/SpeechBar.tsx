import { Icon } from '@/components/shared/icons/Icon';
import { t, uiLanguage } from '@/utils/browser';
import { formatNumber } from '@/utils/reader';
import { SPEECH_RATE } from '@/utils/settings';
import type { SpeechState } from './features/read-aloud';

interface SpeechBarProps {
  state: Exclude<SpeechState, 'idle'>;
  rate: number;
  onPauseResume: () => void;
  onRate: (by: -1 | 1) => void;
  onStop: () => void;
  /** The voices for the article's language, and the one the user chose for it (null: automatic). */
  voices: ReadonlyArray<{ name: string; lang: string }>;
  voice: string | null;
  onVoice: (name: string | null) => void;
}

/** The read-aloud controls while the article is being read: pause/resume, speed and stop. */
export function SpeechBar({ state, rate, onPauseResume, onRate, onStop, voices, voice, onVoice }: SpeechBarProps) {
  const paused = state === 'paused';
  return (
    // A labelled section is a landmark: the bar floats outside <main>, and is found in the landmarks list.
    <section class="speech-bar" aria-label={t('readAloud')} data-lectern="speech-bar" data-state={state}>
      <button
        type="button"
        class="tool"
        data-action="speech-pause"
        onClick={onPauseResume}
        aria-label={paused ? t('speechResume') : t('speechPause')}
        title={paused ? t('speechResume') : t('speechPause')}
      >
        <Icon name={paused ? 'play' : 'pause'} />
      </button>
      <div class="tool-group" role="group" aria-label={t('speechRate')}>
        <button
          type="button"
          class="tool"
          data-action="speech-slower"
          disabled={rate <= SPEECH_RATE.min}
          onClick={() => onRate(-1)}
          aria-label={t('speechSlower')}
          title={t('speechSlower')}
        >
          −
        </button>
        <output class="font-size-value" data-lectern="speech-rate">
          {`${formatNumber(rate, uiLanguage())}×`}
        </output>
        <button
          type="button"
          class="tool"
          data-action="speech-faster"
          disabled={rate >= SPEECH_RATE.max}
          onClick={() => onRate(1)}
          aria-label={t('speechFaster')}
          title={t('speechFaster')}
        >
          +
        </button>
      </div>
      {voices.length > 1 && (
        <select
          class="speech-voice"
          data-action="speech-voice"
          aria-label={t('speechVoice')}
          title={t('speechVoice')}
          value={voice && voices.some((v) => v.name === voice) ? voice : ''}
          onChange={(e) => onVoice(e.currentTarget.value || null)}
        >
          <option value="">{t('speechVoiceAuto')}</option>
          {voices.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        class="tool"
        data-action="speech-stop"
        onClick={onStop}
        aria-label={t('speechStop')}
        title={`${t('speechStop')} (S)`}
      >
        <Icon name="close" />
      </button>
    </section>
  );
}
