// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import russian from '@/public/_locales/ru/messages.json';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { PagesNote } from './pages';

afterEach(cleanup);

/** The Russian strings, placeholders filled the way browsers fill them. */
function useRussianMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const entry = (russian as Record<string, { message: string }>)[key];
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return entry ? entry.message.replace(/\$[A-Z_]+\$/g, () => subs[0] ?? '') : '';
  });
}

describe('the note on a multi-page article', () => {
  it('says how many pages were joined and names each that failed, linked', () => {
    useEnglishMessages();
    render(
      <PagesNote
        locale="en"
        pages={{ joined: 3, failed: [{ number: 3, url: 'https://a.example/s?page=3', reason: '404' }] }}
      />,
    );
    expect(screen.getByText('3 pages joined')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Page 3 couldn’t be loaded' });
    expect(link.getAttribute('href')).toBe('https://a.example/s?page=3');
  });

  it('says where it stopped when an article has more pages than it joins', () => {
    useEnglishMessages();
    render(
      <PagesNote
        locale="en"
        pages={{ joined: 10, failed: [{ number: 11, url: 'https://a.example/11', reason: 'limit' }] }}
      />,
    );
    expect(screen.getByText('10 pages joined')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pages from 11 on are not joined (10 at most)' })).toBeTruthy();
  });

  it('in Russian, in the plural form of the number', () => {
    useRussianMessages();
    const text = (joined: number) => {
      cleanup();
      render(<PagesNote locale="ru" pages={{ joined, failed: [] }} />);
      return document.querySelector('.pages-joined')?.textContent;
    };
    expect([2, 5, 21].map(text)).toEqual(['Объединены 2 страницы', 'Объединено 5 страниц', 'Объединена 21 страница']);
  });
});
