import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { loadSettings, updateSettings, watchSettings } from '@/utils/browser';

/**
 * The current settings, kept live with every other view; null until loaded, unless the view read them before its
 * first render (`initial`), so it is drawn in the user's theme from the first frame.
 */
export function useSettings(
  initial: Settings | null = null,
): [Settings | null, (change: (s: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(initial);
  useEffect(() => {
    let active = true;
    // A view that read them before its first render doesn't read them again.
    if (!initial) void loadSettings().then((s) => active && setSettings(s));
    const unwatch = watchSettings(setSettings);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  const update = useCallback((change: (s: Settings) => Settings) => {
    void updateSettings(change).then(setSettings);
  }, []);
  return [settings, update];
}
