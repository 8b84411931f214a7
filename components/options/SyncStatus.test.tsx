// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { recordSyncState } from '@/utils/browser';
import { SyncStatus } from './SyncStatus';

const ARTICLE = 'https://example.com/lighthouse';
const status = () => screen.getByRole('status');

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
afterEach(cleanup);

describe('SyncStatus (the settings page’s word on highlight sync)', () => {
  it('says highlights sync while no reader met a problem', async () => {
    render(<SyncStatus />);
    expect(screen.getByRole('heading', { name: 'Highlights and notes' })).toBeTruthy();
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
    expect(status().textContent).toMatch(/sync to your other browsers/);
  });

  it('shows a problem a reader met, live, and for which article; that article synced again clears it', async () => {
    render(<SyncStatus />);
    await waitFor(() => expect(status().dataset.state).toBe('ok'));

    await recordSyncState(ARTICLE, 'full');
    await waitFor(() => expect(status().dataset.state).toBe('full'));
    expect(status().textContent).toContain("the browser's sync storage is full");
    expect(status().textContent).toContain(ARTICLE);

    // Another article syncing says nothing about this one's problem; a round still pending neither.
    await recordSyncState('https://example.com/other', 'synced');
    await recordSyncState(ARTICLE, 'pending');
    expect(status().dataset.state).toBe('full');

    await recordSyncState(ARTICLE, 'failed');
    await waitFor(() => expect(status().textContent).toContain('storage refused the last write'));
    await recordSyncState(ARTICLE, 'synced');
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
  });

  it('shows a problem kept from before the page opened', async () => {
    await recordSyncState(ARTICLE, 'too-large');
    render(<SyncStatus />);
    await waitFor(() => expect(status().dataset.state).toBe('too-large'));
    expect(status().textContent).toContain('too long to sync');
  });
});
