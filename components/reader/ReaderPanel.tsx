import type { ComponentChildren, Ref } from 'preact';
import { t } from '@/utils/browser';

interface ReaderPanelProps {
  /** The panel's name: its `data-lectern`, its class (`<name>-panel`) and its title's id (`<name>-title`). */
  name: 'typography' | 'toc' | 'notes';
  title: string;
  /** What the close button says to assistive technology (and in its tooltip, with its key). */
  closeLabel?: string;
  onClose: () => void;
  panelRef?: Ref<HTMLDivElement>;
  children: ComponentChildren;
}

/** A panel beside the text (text and theme, contents, notes): a non-modal dialog with its title and a close button. */
export function ReaderPanel({ name, title, closeLabel = t('close'), onClose, panelRef, children }: ReaderPanelProps) {
  return (
    <div
      class={`reader-panel ${name}-panel`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${name}-title`}
      ref={panelRef}
      data-lectern={name}
    >
      <div class="key-help-head">
        <h2 id={`${name}-title`}>{title}</h2>
        <button type="button" class="tool" onClick={onClose} aria-label={closeLabel} title={`${closeLabel} (Esc)`}>
          ×
        </button>
      </div>
      {children}
    </div>
  );
}
