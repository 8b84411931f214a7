import { useLayoutEffect } from 'preact/hooks';
import { SETTINGS_ON_SCREEN, type Settings } from '@/utils/settings';

/**
 * Puts the settings on the document's root as the table in utils/settings/screen.ts says, before the frame is
 * painted (so no flash of the wrong theme), and takes them off when the view goes.
 */
export function useSettingsOnScreen(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return;
    const root = document.documentElement;
    for (const row of SETTINGS_ON_SCREEN) {
      if ('variable' in row) root.style.setProperty(row.variable, row.value(settings));
      else root.dataset[row.attribute] = row.value(settings);
    }
  }, [settings]);
  useLayoutEffect(
    () => () => {
      const root = document.documentElement;
      for (const row of SETTINGS_ON_SCREEN) {
        if ('variable' in row) root.style.removeProperty(row.variable);
        else delete root.dataset[row.attribute];
      }
    },
    [],
  );
}
