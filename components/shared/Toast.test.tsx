// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toast, type ToastMessage } from './Toast';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets `ms` of the toast's time pass. */
const pass = (ms: number): unknown =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

const shown = (): string | null => screen.queryByText(/./, { selector: '[data-lectern="toast"]' })?.textContent ?? null;

describe('Toast', () => {
  it('is announced politely and hides itself: a confirmation after 2.5 s, an error after 6 s', () => {
    const { rerender } = render(<Toast message={{ text: 'Link copied', kind: 'ok', id: 1 }} />);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect(shown()).toBe('Link copied');
    pass(2400);
    expect(shown()).toBe('Link copied');
    pass(200);
    expect(shown()).toBeNull();

    rerender(<Toast message={{ text: 'Could not copy', kind: 'error', id: 2 }} />);
    pass(5900);
    expect(shown()).toBe('Could not copy');
    pass(200);
    expect(shown()).toBeNull();
  });

  it('shows the same words again for a new message, with its full time', () => {
    const first: ToastMessage = { text: 'Link copied', kind: 'ok', id: 1 };
    const { rerender } = render(<Toast message={first} />);
    pass(2000);
    rerender(<Toast message={{ ...first, id: 2 }} />);
    pass(2000);
    expect(shown()).toBe('Link copied');
    expect(document.querySelector('[data-lectern="toast"]')?.getAttribute('data-toast-id')).toBe('2');
    pass(600);
    expect(shown()).toBeNull();
  });
});

describe('Toast with an action', () => {
  it('shows its button, stays 8 s, and runs the action once clicked, hiding', () => {
    const run = vi.fn();
    render(
      <Toast
        message={{ text: 'Highlight removed', kind: 'ok', id: 9, action: { name: 'undo', label: 'Undo', run } }}
      />,
    );
    pass(7900);
    const undo = screen.getByRole('button', { name: 'Undo' });
    act(() => undo.click());
    expect(run).toHaveBeenCalledOnce();
    expect(shown()).toBeNull();
  });

  it("names its button by the action, not always 'undo'", () => {
    render(
      <Toast
        message={{
          text: 'Saved',
          kind: 'ok',
          id: 3,
          action: { name: 'open-library', label: 'Open library', run: vi.fn() },
        }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Open library' }).dataset.action).toBe('open-library');
  });
});
