import { t, type MessageKey } from '@/utils/i18n';
import { SHARE_TARGETS, shareUrl, type SharedPage, type ShareTarget } from '@/utils/share';

const LABELS: Record<ShareTarget, MessageKey> = {
  x: 'shareX',
  facebook: 'shareFacebook',
  telegram: 'shareTelegram',
  whatsapp: 'shareWhatsapp',
  email: 'shareEmail',
};

/** The share targets as links that open the network's share page in a new tab, plus the system share sheet where there is one. */
export function ShareMenu({ page }: { page: SharedPage }) {
  const systemShare = typeof navigator.share === 'function';
  return (
    <ul class="share-menu" role="list">
      {SHARE_TARGETS.map((target) => (
        <li key={target}>
          <a
            class={`share-target share-${target}`}
            data-share={target}
            href={shareUrl(target, page)}
            target="_blank"
            rel="noopener noreferrer"
            title={target === 'email' ? t('shareByEmail') : t('shareOn', t(LABELS[target]))}
          >
            {t(LABELS[target])}
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
            onClick={() => void navigator.share({ title: page.title, url: page.url }).catch(() => undefined)}
          >
            {t('shareSystem')}
          </button>
        </li>
      )}
    </ul>
  );
}
