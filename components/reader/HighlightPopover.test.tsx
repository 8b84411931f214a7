// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { HighlightPopover, type HighlightPopoverProps } from './HighlightPopover';

beforeEach(useEnglishMessages);
afterEach(cleanup);

function renderPopover(overrides: Partial<HighlightPopoverProps> = {}) {
  const props: HighlightPopoverProps = {
    anchor: { top: 100, bottom: 120, left: 40 },
    onColor: vi.fn(),
    onNote: vi.fn(),
    onSaveNote: vi.fn(),
    onCopyQuote: vi.fn(),
    onShare: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<HighlightPopover {...props} />);
  return props;
}

describe('HighlightPopover', () => {
  it('on a selection: four colours, note and copy quote; it keeps the selection and the focus where they are', () => {
    const props = renderPopover();
    const bar = screen.getByRole('toolbar', { name: 'Highlight colour' });
    const colours = screen.getAllByRole('button').filter((b) => b.classList.contains('swatch-button'));
    expect(colours.map((b) => b.getAttribute('aria-label'))).toEqual(['Yellow', 'Green', 'Blue', 'Pink']);
    expect(bar.contains(document.activeElement)).toBe(false);
    // A press on a button must not clear the selection it acts on.
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    colours[2]!.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    fireEvent.click(colours[2]!);
    expect(props.onColor).toHaveBeenCalledWith('blue');
    fireEvent.click(screen.getByRole('button', { name: 'Add a note' }));
    expect(props.onNote).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Copy quote with source' }));
    expect(props.onCopyQuote).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Share this passage' }));
    expect(props.onShare).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Remove highlight' })).toBeNull();
  });

  it('shows the share targets it is given in place of its actions, keeping the selection when they are pressed', () => {
    renderPopover({
      shareMenu: (
        <a href="https://share.example/?u=x" data-share="x">
          X
        </a>
      ),
    });
    const link = screen.getByRole('link', { name: 'X' });
    expect(link.closest('[data-lectern="highlight-share"]')).toBeTruthy();
    expect(document.activeElement).toBe(link);
    expect(screen.queryByRole('button', { name: 'Copy quote with source' })).toBeNull();
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    link.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
  });

  it('on a highlight opened by key: a dialog with its colour pressed and focused; recolour, remove; Esc closes it alone', () => {
    const onRemove = vi.fn();
    const props = renderPopover({ color: 'pink', note: 'kept', takeFocus: true, onRemove });
    expect(screen.getByRole('dialog', { name: 'Highlight' })).toBeTruthy();
    const pink = screen.getByRole('button', { name: 'Pink' });
    expect(pink.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(pink);
    fireEvent.click(screen.getByRole('button', { name: 'Green' }));
    expect(props.onColor).toHaveBeenCalledWith('green');
    expect(screen.getByRole('button', { name: 'Edit the note' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove highlight' }));
    expect(onRemove).toHaveBeenCalledOnce();

    const onDocumentKey = vi.fn();
    document.addEventListener('keydown', onDocumentKey);
    fireEvent.keyDown(window, { key: 'Escape' });
    document.removeEventListener('keydown', onDocumentKey);
    expect(props.onClose).toHaveBeenCalledWith(true);
    expect(onDocumentKey).not.toHaveBeenCalled();
  });

  it('edits the note: the editor takes the focus with the note in it, and saves what was typed', () => {
    const props = renderPopover({ color: 'yellow', note: 'old', editing: true });
    const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    expect(document.activeElement).toBe(editor);
    expect(editor.value).toBe('old');
    fireEvent.input(editor, { target: { value: 'new note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(props.onSaveNote).toHaveBeenCalledWith('new note');
  });

  it('closes on a press outside it, not inside', () => {
    const props = renderPopover({ color: 'yellow' });
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Blue' }));
    expect(props.onClose).not.toHaveBeenCalled();
    fireEvent.pointerDown(document.body);
    expect(props.onClose).toHaveBeenCalledWith(false);
  });
});
