// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY_LABELS } from '@/components/shared/labels';
import { t } from '@/utils/browser';
import { KEY_LIST } from '@/utils/reader';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { KeyHelp } from './KeyHelp';

beforeEach(useEnglishMessages);
afterEach(cleanup);

/** Each row of the list as "keys: what they do". */
const rows = (): string[] =>
  [...document.querySelectorAll('.key-row')].map(
    (row) =>
      `${[...row.querySelectorAll('kbd')].map((k) => k.textContent).join(' ')}: ${row.querySelector('dd')?.textContent}`,
  );

describe('KeyHelp', () => {
  it('lists every reader key with what it does, then the browser shortcut as bound', () => {
    render(<KeyHelp toggleShortcut="Alt+R" onClose={() => undefined} />);
    const expected = KEY_LIST.map(({ keys, action }) => `${keys.join(' ')}: ${t(KEY_LABELS[action])}`);
    expect(rows()).toEqual([...expected, 'Alt+R: Open or close the reader (from any page)']);
    expect(rows()).toContain('N: Night mode on/off');
  });

  it('says when the browser has no shortcut bound', () => {
    render(<KeyHelp toggleShortcut={null} onClose={() => undefined} />);
    expect(rows().at(-1)).toBe('not set: Open or close the reader (from any page)');
  });

  it('takes the focus as a dialog and closes from its button', () => {
    const onClose = vi.fn();
    render(<KeyHelp toggleShortcut="Alt+R" onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(document.activeElement).toBe(dialog);
    fireEvent.click(screen.getByRole('button', { name: 'Close reader' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
