// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { SyncStatus } from './SyncStatus';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
afterEach(cleanup);

describe('the library page’s sync status', () => {
  it('says how many articles are left out of sync, and nothing when all synced', () => {
    render(<SyncStatus locale="en" status={{ state: 'partial', left: 1234 }} />);
    expect(screen.getByRole('status').textContent).toBe(
      "Not synced to your other browsers: 1,234 of your articles, those you opened longest ago — the library's share of the browser's sync storage is full. They are kept here.",
    );
    cleanup();
    render(<SyncStatus locale="en" status={{ state: 'synced', left: 0 }} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the background’s status as it changes (storage.local)', async () => {
    render(<SyncStatus locale="en" />);
    expect(screen.queryByRole('status')).toBeNull();
    await fakeBrowser.storage.local.set({ librarySync: { state: 'failed', left: 0 } });
    expect((await screen.findByRole('status')).dataset['state']).toBe('failed');
    await fakeBrowser.storage.local.set({ librarySync: { state: 'synced', left: 0 } });
    await expect.poll(() => screen.queryByRole('status')).toBeNull();
  });
});
