import { SHARE_LABELS } from '@/components/shared/labels';
import { t } from '@/utils/browser';
import type { Settings } from '@/utils/settings';
import { shareUrl, type SharedPage } from '@/utils/share';

interface ShareMenuProps {
  page: SharedPage;
  settings: Pick<Settings, 'shareTargets' | 'mastodonInstance'>;
}

/**
 * The user's share targets, in their order, as links that open the network's share page in a new tab
 * (nothing is sent anywhere before the click), plus the system share sheet where there is one.
 */
export function ShareMenu({ page, settings }: ShareMenuProps) {
  const systemShare = typeof navigator.share === 'function';
  return (
    <ul class="share-menu" role="list">
      {settings.shareTargets.map((target) => (
        <li key={target}>
          <a
            class={`share-target share-${target}`}
            data-share={target}
            href={shareUrl(target, page, settings)}
            target="_blank"
            rel="noopener noreferrer"
            title={target === 'email' ? t('shareByEmail') : t('shareOn', t(SHARE_LABELS[target]))}
          >
            {t(SHARE_LABELS[target])}
          </a>
        </li>
      ))}
      {systemShare && (
        <li>
          <button
            type="button"
            class="share-target"
            data-share="system"
            title={t('shareSystemLabel')}
            onClick={() =>
              void navigator.share({ title: page.title, text: page.quote, url: page.url }).catch(() => undefined)
            }
          >
            {t('shareSystem')}
          </button>
        </li>
      )}
    </ul>
  );
}
