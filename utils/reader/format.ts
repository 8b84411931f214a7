/** Display formatting for reader metadata. Pure. */

/** An ISO date as the reader's locale writes it ("30 December 2025"), or null when it can't be read. */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined,
    }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** A setting's number as the reader's locale writes it ("1.65", "1,65"), at most two decimals. */
export function formatNumber(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  } catch {
    return String(value);
  }
}

/** The plural forms Lectern's strings have ("3 pages", "3 страницы", "5 страниц"); other languages' forms fall back. */
export type PluralForm = 'one' | 'few' | 'many' | 'other';

/** Which plural form `count` takes in `locale` (Russian: 1, 21 one; 2–4, 22 few; 5–20, 25 many). */
export function pluralForm(count: number, locale: string): PluralForm {
  let form: Intl.LDMLPluralRule;
  try {
    form = new Intl.PluralRules(locale).select(count);
  } catch {
    form = count === 1 ? 'one' : 'other';
  }
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
}
