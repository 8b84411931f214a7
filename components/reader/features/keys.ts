import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, typesText, type ReaderAction } from '@/utils/reader';

/** Reader keys: one keydown listener on the document for the reader's lifetime, mapped by the pure key table. */
export function useReaderKeys(run: (action: ReaderAction) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const action = actionForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        // A focused button, radio or checkbox (the typography panel's) doesn't take the reader's keys away.
        inTextField: event.target instanceof HTMLElement && typesText(event.target),
      });
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
