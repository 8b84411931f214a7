// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { VoicePicker } from './VoicePicker';

const voice = (name: string, lang: string) => ({ name, lang, default: false, localService: true, voiceURI: name });

function withVoices(voices: ReturnType<typeof voice>[]): void {
  vi.stubGlobal('speechSynthesis', { getVoices: () => voices, addEventListener() {}, removeEventListener() {} });
}

beforeEach(useEnglishMessages);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('VoicePicker', () => {
  it('offers the languages the browser has voices for, the interface’s first, and remembers a choice', async () => {
    withVoices([voice('Anna', 'de-DE'), voice('Alex', 'en-US'), voice('Kate', 'en-GB'), voice('Irina', 'ru-RU')]);
    const update = vi.fn<(change: (s: Settings) => Settings) => void>();
    render(<VoicePicker settings={DEFAULT_SETTINGS} update={update} />);
    const language = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Language' });
    expect([...language.options].map((o) => o.textContent)).toEqual(['German', 'English', 'Russian']);
    expect(language.value).toBe('en');
    const name = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Voice' });
    expect([...name.options].map((o) => o.textContent)).toEqual(['Automatic', 'Alex', 'Kate']);
    fireEvent.change(name, { target: { value: 'Kate' } });
    expect(update.mock.lastCall![0](DEFAULT_SETTINGS).voices).toEqual({ en: 'Kate' });
    fireEvent.change(language, { target: { value: 'ru' } });
    expect([...screen.getByRole<HTMLSelectElement>('combobox', { name: 'Voice' }).options].map((o) => o.value)).toEqual(
      ['', 'Irina'],
    );
  });

  it('shows the voice already chosen for the language', async () => {
    withVoices([voice('Alex', 'en-US'), voice('Kate', 'en-GB')]);
    render(<VoicePicker settings={{ ...DEFAULT_SETTINGS, voices: { en: 'Kate' } }} update={() => undefined} />);
    expect((await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Voice' })).value).toBe('Kate');
  });

  it('says so when the browser has no voice at all', async () => {
    withVoices([]);
    render(<VoicePicker settings={DEFAULT_SETTINGS} update={() => undefined} />);
    expect(await screen.findByText('This browser has no speech voices installed.', {}, { timeout: 3000 })).toBeTruthy();
  });
});
