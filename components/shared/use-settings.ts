import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { loadSettings, onSettingsProblem, updateSettings, watchSettings } from '@/utils/browser';

/**
 * The current settings, kept live with every other view; null until loaded, unless the view read them before its
 * first render (`initial`), so it is drawn in the user's theme from the first frame. A change shows at once and is
 * saved after; `onSaveFailed` hears once if saving keeps failing.
 */
export function useSettings(
  initial: Settings | null = null,
  onSaveFailed?: () => void,
): [Settings | null, (change: (s: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(initial);
  useEffect(() => {
    let active = true;
    // A view that read them before its first render doesn't read them again.
    if (!initial) void loadSettings().then((s) => active && setSettings(s));
    const unwatch = watchSettings(setSettings);
    const unproblem = onSaveFailed ? onSettingsProblem(onSaveFailed) : () => undefined;
    return () => {
      active = false;
      unwatch();
      unproblem();
    };
  }, []);
  const update = useCallback((change: (s: Settings) => Settings) => {
    setSettings(updateSettings(change));
  }, []);
  return [settings, update];
}
