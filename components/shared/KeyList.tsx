import type { ComponentChildren } from 'preact';
import { KEY_LABELS } from '@/components/shared/labels';
import { t } from '@/utils/browser';
import { KEY_LIST } from '@/utils/reader';

/** The reader's keys and what each does, as the `?` list and the options page show them; `children` adds rows. */
export function KeyList(props: { class?: string; 'data-lectern'?: string; children?: ComponentChildren }) {
  const { children, ...attributes } = props;
  return (
    <dl {...attributes}>
      {KEY_LIST.map(({ keys, action }) => (
        <div class="key-row" key={action}>
          <dt>
            {keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </dt>
          <dd>{t(KEY_LABELS[action])}</dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
