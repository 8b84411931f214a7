import { useLayoutEffect } from 'preact/hooks';
import { SETTINGS_ON_SCREEN, type ScreenRow, type Settings } from '@/utils/settings';

/**
 * Puts the settings on the document's root as the table in utils/settings/screen.ts says, before the frame is
 * painted (so no flash of the wrong theme), and takes them off when the view goes.
 */
export function useSettingsOnScreen(settings: Settings | null, table: readonly ScreenRow[] = SETTINGS_ON_SCREEN): void {
  useLayoutEffect(() => {
    if (!settings) return;
    const root = document.documentElement;
    for (const row of table) {
      if ('variable' in row) root.style.setProperty(row.variable, row.value(settings));
      // setAttribute, not dataset: a hyphenated name (line-height) is a valid attribute but throws as a dataset key.
      else root.setAttribute(`data-${row.attribute}`, row.value(settings));
    }
  }, [settings]);
  useLayoutEffect(
    () => () => {
      const root = document.documentElement;
      for (const row of table) {
        if ('variable' in row) root.style.removeProperty(row.variable);
        else root.removeAttribute(`data-${row.attribute}`);
      }
    },
    [],
  );
}
