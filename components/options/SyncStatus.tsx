import { useEffect, useState } from 'preact/hooks';
import { SYNC_MESSAGES } from '@/components/shared/labels';
import { t, watchSyncProblem, type SyncProblem } from '@/utils/browser';

/**
 * The settings page's word on highlight sync: that highlights follow the user to their other browsers, or, when a
 * reader's sync met a problem (storage.sync full or refusing writes…), what it was and for which article.
 */
export function SyncStatus() {
  const [problem, setProblem] = useState<SyncProblem | null>(null);
  useEffect(() => watchSyncProblem(setProblem), []);
  const message = problem && SYNC_MESSAGES[problem.state];
  return (
    <section data-lectern="sync-section">
      <h2>{t('optionsHighlights')}</h2>
      {message ? (
        <p class="sync-state" role="status" data-lectern="sync-status" data-state={problem.state}>
          {t(message)} <span class="sync-article">{t('syncProblemArticle', problem.url)}</span>
        </p>
      ) : (
        <p role="status" data-lectern="sync-status" data-state="ok">
          {t('syncOk')}
        </p>
      )}
    </section>
  );
}
