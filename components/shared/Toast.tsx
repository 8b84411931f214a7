import { useEffect, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  kind: 'ok' | 'error';
  /** Distinguishes two equal messages in a row so the second one shows again. */
  id: number;
}

/** A short confirmation, announced to screen readers, that hides itself. */
export function Toast({ message }: { message: ToastMessage | null }) {
  const [visible, setVisible] = useState<ToastMessage | null>(message);
  useEffect(() => {
    setVisible(message);
    if (!message) return undefined;
    const timer = setTimeout(() => setVisible(null), message.kind === 'error' ? 6000 : 2500);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {visible && (
        <div class={`toast toast-${visible.kind}`} data-lectern="toast" data-toast-id={visible.id}>
          {visible.text}
        </div>
      )}
    </div>
  );
}
