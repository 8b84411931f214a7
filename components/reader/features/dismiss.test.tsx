// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDismiss } from './dismiss';

afterEach(cleanup);

function Popover({ active, onDismiss }: { active: boolean; onDismiss: (byKey: boolean) => void }) {
  useDismiss(active, (target) => !!document.getElementById('inside')?.contains(target), onDismiss);
  return (
    <div>
      <div id="inside">
        <button type="button">in</button>
      </div>
      <p id="outside">out</p>
    </div>
  );
}

describe('useDismiss', () => {
  it('Esc dismisses, and the reader below never hears it', () => {
    const onDismiss = vi.fn();
    const reader = vi.fn();
    document.addEventListener('keydown', reader);
    render(<Popover active onDismiss={onDismiss} />);
    fireEvent.keyDown(document.getElementById('outside')!, { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledExactlyOnceWith(true);
    expect(reader).not.toHaveBeenCalled();
    // Other keys pass.
    fireEvent.keyDown(document.getElementById('outside')!, { key: 'n' });
    expect(reader).toHaveBeenCalledOnce();
    document.removeEventListener('keydown', reader);
  });

  it('a press outside dismisses; a press inside does not', () => {
    const onDismiss = vi.fn();
    render(<Popover active onDismiss={onDismiss} />);
    fireEvent.pointerDown(document.querySelector('#inside button')!);
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.pointerDown(document.getElementById('outside')!);
    expect(onDismiss).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('listens only while active', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<Popover active={false} onDismiss={onDismiss} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    fireEvent.pointerDown(document.getElementById('outside')!);
    expect(onDismiss).not.toHaveBeenCalled();
    rerender(<Popover active onDismiss={onDismiss} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
    rerender(<Popover active={false} onDismiss={onDismiss} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
