import { t } from '@/utils/browser';
import { minutesLeft } from '@/utils/reader';

/** The progress bar along the toolbar's lower edge and the minutes left, from the article's reading time. */
export function ReadingProgress({ fraction, readingMinutes }: { fraction: number; readingMinutes: number }) {
  const percent = Math.round(fraction * 100);
  const left = minutesLeft(readingMinutes, fraction);
  const label = left > 0 ? t('minutesLeft', String(left)) : t('readingFinished');
  return (
    <>
      <span class="minutes-left" data-lectern="minutes-left" aria-hidden="true">
        {label}
      </span>
      <div
        class="progress"
        role="progressbar"
        aria-label={t('readingProgress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% · ${label}`}
        data-lectern="progress"
        style={{ '--progress': String(fraction) }}
      />
    </>
  );
}
