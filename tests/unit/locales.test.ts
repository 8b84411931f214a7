import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_LABELS } from '@/components/shared/labels';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const dir = new URL('../../public/_locales/', import.meta.url);
const load = (lang: string): Messages => JSON.parse(readFileSync(new URL(`${lang}/messages.json`, dir), 'utf8'));
const languages = readdirSync(dir);
const english = load('en');
const sourceFiles = ['entrypoints', 'components', 'utils'].flatMap((folder) =>
  readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(new URL(`../../${folder}/${f}`, import.meta.url), 'utf8')),
);

describe('locales', () => {
  it('has English and Russian', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  for (const lang of languages) {
    it(`${lang} has every key, no extra, none empty, same placeholders`, () => {
      const messages = load(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
        const placeholders = (m: string): string[] => (m.match(/\$[A-Z_]+\$/g) ?? []).sort();
        expect(placeholders(entry.message), `${lang}.${key}`).toEqual(placeholders(english[key]!.message));
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang}.${key}`).toEqual(
          Object.keys(english[key]!.placeholders ?? {}).sort(),
        );
      }
    });
  }

  it('each key of the key list says what it does as a sentence would start, in every language', () => {
    for (const lang of languages) {
      const messages = load(lang);
      for (const key of Object.values(KEY_LABELS)) expect(messages[key]!.message, `${lang}.${key}`).toMatch(/^\p{Lu}/u);
    }
  });

  it('Russian is really translated (the copy confirmation matches the seed page)', () => {
    expect(load('ru')['linkCopied']!.message).toBe('Ссылка скопирована');
  });

  it('every key is used by the code or the manifest', () => {
    const manifest = readFileSync(new URL('../../wxt.config.ts', import.meta.url), 'utf8');
    const html = readFileSync(new URL('../../entrypoints/popup/index.html', import.meta.url), 'utf8');
    const everything = [...sourceFiles, manifest, html].join('\n');
    const unused = Object.keys(english).filter(
      (key) => !everything.includes(`'${key}'`) && !everything.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
