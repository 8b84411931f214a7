import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FONT_FAMILIES, THEMES, type Settings } from './schema';
import { SETTINGS_ON_SCREEN, type ScreenRow } from './screen';

const STYLESHEETS = ['../../components/shared/theme.css', '../../entrypoints/reader/style.css']
  .map((path) => readFileSync(new URL(path, import.meta.url), 'utf8'))
  .join('\n');

const target = (row: ScreenRow): string => ('variable' in row ? row.variable : `data-${row.attribute}`);
const screen = (settings: Settings): Record<string, string> =>
  Object.fromEntries(SETTINGS_ON_SCREEN.map((row) => [target(row), row.value(settings)]));

describe('SETTINGS_ON_SCREEN', () => {
  it('gives each setting one target of its own', () => {
    const settings = SETTINGS_ON_SCREEN.map((row) => row.setting);
    const targets = SETTINGS_ON_SCREEN.map(target);
    expect(new Set(settings).size).toBe(settings.length);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it('names only targets the stylesheets read', () => {
    for (const row of SETTINGS_ON_SCREEN) {
      const used = 'variable' in row ? `var(${row.variable})` : `[data-${row.attribute}=`;
      expect(STYLESHEETS, target(row)).toContain(used);
    }
  });

  it('writes the defaults as the stylesheets expect them', () => {
    expect(screen(DEFAULT_SETTINGS)).toEqual({
      'data-theme': 'light',
      '--reader-font-size': '20px',
      '--reader-line-height': '1.65',
      'data-font': 'serif',
      'data-width': 'medium',
      'data-align': 'start',
      'data-images': 'shown',
      'data-highlights': 'print',
    });
  });

  it('changes only its own target when one setting changes', () => {
    const changes: Array<Partial<Settings>> = [
      { theme: THEMES[3] },
      { fontSize: 28 },
      { lineHeight: 2 },
      { fontFamily: FONT_FAMILIES[3] },
      { contentWidth: 'wide' },
      { textAlign: 'justify' },
      { showImages: false },
      { printHighlights: false },
    ];
    const before = screen(DEFAULT_SETTINGS);
    for (const change of changes) {
      const after = screen({ ...DEFAULT_SETTINGS, ...change });
      const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
      const row = SETTINGS_ON_SCREEN.find((r) => r.setting === Object.keys(change)[0])!;
      expect(changed).toEqual([target(row)]);
    }
  });
});
