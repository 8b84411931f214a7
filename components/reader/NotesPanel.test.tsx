// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import type { Highlight } from '@/utils/annotate';
import { NotesPanel, type NotesPanelProps } from './NotesPanel';

const highlight = (id: string, exact: string, note = '', color: Highlight['color'] = 'yellow'): Highlight => ({
  id,
  url: 'https://example.com/a',
  color,
  note,
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  created: 1,
  updated: 1,
});

beforeEach(() => {
  useEnglishMessages();
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn));
});
afterEach(cleanup);

function renderPanel(overrides: Partial<NotesPanelProps> = {}) {
  const props: NotesPanelProps = {
    items: [
      { highlight: highlight('h1', 'First passage', 'My note', 'green'), orphaned: false },
      { highlight: highlight('h2', 'Second passage'), orphaned: false },
      { highlight: highlight('h3', 'Gone passage'), orphaned: true },
    ],
    onJump: vi.fn(),
    onSaveNote: vi.fn(),
    onRemove: vi.fn(),
    onCopyMarkdown: vi.fn(),
    onSaveMarkdown: vi.fn(),
    onSaveAll: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<NotesPanel {...props} />);
  return props;
}

const items = () => [...document.querySelectorAll<HTMLElement>('[data-lectern="note-item"]')];

describe('NotesPanel', () => {
  it('lists one item per highlight as given (reading order, orphans last), each with its quote, colour and note', () => {
    renderPanel();
    expect(screen.getByRole('dialog', { name: 'Highlights and notes' })).toBeTruthy();
    expect(items().map((li) => li.querySelector('.note-quote')!.textContent!.trim())).toEqual([
      'First passage',
      'Second passage',
      'Gone passage',
    ]);
    expect(within(items()[0]!).getByRole('img', { name: 'Green' })).toBeTruthy();
    expect(within(items()[0]!).getByText('My note')).toBeTruthy();
    expect(items()[2]!.hasAttribute('data-orphaned')).toBe(true);
    expect(within(items()[2]!).getByText('No longer found in the article')).toBeTruthy();
    // An orphan has no place to go to; its quote and note are kept.
    expect(within(items()[2]!).getByRole<HTMLButtonElement>('button', { name: 'Go to the passage' }).disabled).toBe(
      true,
    );
  });

  it('goes to a passage, removes a highlight, exports', () => {
    const props = renderPanel();
    fireEvent.click(within(items()[1]!).getByRole('button', { name: 'Go to the passage' }));
    expect(props.onJump).toHaveBeenCalledWith('h2');
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Remove highlight' }));
    expect(props.onRemove).toHaveBeenCalledWith('h1');
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save as Markdown' }));
    expect(props.onCopyMarkdown).toHaveBeenCalledOnce();
    expect(props.onSaveMarkdown).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'All articles (.md)' }));
    fireEvent.click(screen.getByRole('button', { name: 'All articles (.json)' }));
    expect(props.onSaveAll).toHaveBeenNthCalledWith(1, 'markdown');
    expect(props.onSaveAll).toHaveBeenNthCalledWith(2, 'json');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when highlights could not sync to the other browsers, and only then', () => {
    renderPanel({ syncState: 'full' });
    expect(screen.getByRole('status').textContent).toBe(
      "Not synced to your other browsers: the browser's sync storage is full. Your highlights are kept here.",
    );
    cleanup();
    renderPanel({ syncState: 'synced' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('edits a note in place: saved with the button or Ctrl+Enter, Esc cancels without closing the reader', () => {
    const props = renderPanel();
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Edit the note' }));
    const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    expect(editor.value).toBe('My note');
    fireEvent.input(editor, { target: { value: 'Better note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(props.onSaveNote).toHaveBeenCalledWith('h1', 'Better note');

    fireEvent.click(within(items()[1]!).getByRole('button', { name: 'Add a note' }));
    const second = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    fireEvent.input(second, { target: { value: 'Quick' } });
    fireEvent.keyDown(second, { key: 'Enter', ctrlKey: true });
    expect(props.onSaveNote).toHaveBeenLastCalledWith('h2', 'Quick');

    fireEvent.click(within(items()[1]!).getByRole('button', { name: 'Add a note' }));
    const onDocumentKey = vi.fn();
    document.addEventListener('keydown', onDocumentKey);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'Escape' });
    document.removeEventListener('keydown', onDocumentKey);
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    expect(onDocumentKey).not.toHaveBeenCalled();
    expect(props.onSaveNote).toHaveBeenCalledTimes(2);
  });

  it('says how to start when there is nothing yet, and offers no export', () => {
    renderPanel({ items: [] });
    expect(screen.getByText(/No highlights yet/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy as Markdown' }).disabled).toBe(true);
  });
});
