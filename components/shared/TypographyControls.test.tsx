// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { DEFAULT_SETTINGS, FONT_SIZE, LINE_HEIGHTS, type Settings } from '@/utils/settings';
import { TypographyControls } from './TypographyControls';

/** Renders the controls and returns what the last change made of `settings`. */
function setup(settings: Settings = DEFAULT_SETTINGS, showFontSize = false) {
  const update = vi.fn<(change: (s: Settings) => Settings) => void>();
  render(<TypographyControls settings={settings} update={update} idPrefix="t" showFontSize={showFontSize} />);
  const applied = (): Settings => update.mock.lastCall![0](settings);
  return { update, applied };
}

beforeEach(useEnglishMessages);
afterEach(cleanup);

describe('TypographyControls', () => {
  it('shows the current theme, font and width checked', () => {
    setup({ ...DEFAULT_SETTINGS, theme: 'sepia', fontFamily: 'legible', contentWidth: 'wide' });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Sepia' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Light' }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Atkinson/ }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Wide' }).checked).toBe(true);
  });

  it('turns each choice into a settings change', () => {
    const { applied } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Night' }));
    expect(applied()).toMatchObject({ theme: 'dark' });
    fireEvent.click(screen.getByRole('radio', { name: 'Monospace' }));
    expect(applied()).toMatchObject({ fontFamily: 'mono' });
    fireEvent.click(screen.getByRole('radio', { name: 'Narrow' }));
    expect(applied()).toMatchObject({ contentWidth: 'narrow' });
    fireEvent.click(screen.getByRole('checkbox', { name: /Justify/ }));
    expect(applied()).toMatchObject({ textAlign: 'justify' });
    fireEvent.click(screen.getByRole('checkbox', { name: /images/i }));
    expect(applied()).toMatchObject({ showImages: false });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Print highlights in their colours' }));
    expect(applied()).toMatchObject({ printHighlights: false });
  });

  it('steps the line spacing and stops at either end', () => {
    const { applied } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'More line spacing' }));
    expect(applied().lineHeight).toBe(1.8);
    cleanup();
    setup({ ...DEFAULT_SETTINGS, lineHeight: LINE_HEIGHTS[LINE_HEIGHTS.length - 1]! });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'More line spacing' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Less line spacing' }).disabled).toBe(false);
  });

  it('has the text size only where asked, bounded like the schema', () => {
    setup();
    expect(screen.queryByRole('group', { name: 'Text size' })).toBeNull();
    cleanup();
    const { applied } = setup({ ...DEFAULT_SETTINGS, fontSize: FONT_SIZE.max }, true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Larger text' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Smaller text' }));
    expect(applied().fontSize).toBe(FONT_SIZE.max - FONT_SIZE.step);
  });
});
