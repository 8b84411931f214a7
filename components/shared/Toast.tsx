import { useEffect, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  kind: 'ok' | 'error';
  /** Distinguishes two equal messages in a row so the second one shows again. */
  id: number;
  /**
   * A button in the toast (Undo, Open library), which keeps it up longer and takes clicks; `name` is its
   * `data-action`, so a test or a style can tell one kind of button from another.
   */
  action?: { name: 'undo' | 'open-library'; label: string; run: () => void };
}

/** How long a toast stays: a confirmation, an error, one with a button to reach. */
const SHOWN_MS = { ok: 2500, error: 6000, action: 8000 } as const;

/** A short confirmation, announced to screen readers, that hides itself. */
export function Toast({ message }: { message: ToastMessage | null }) {
  const [visible, setVisible] = useState<ToastMessage | null>(message);
  useEffect(() => {
    setVisible(message);
    if (!message) return undefined;
    const timer = setTimeout(() => setVisible(null), SHOWN_MS[message.action ? 'action' : message.kind]);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {visible && (
        <div
          class={`toast toast-${visible.kind}`}
          data-lectern="toast"
          data-toast-id={visible.id}
          data-action={visible.action ? '' : undefined}
        >
          {visible.text}
          {visible.action && (
            <button
              type="button"
              class="toast-action"
              data-action={visible.action.name}
              onClick={() => {
                visible.action?.run();
                setVisible(null);
              }}
            >
              {visible.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
