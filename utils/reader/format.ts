/** Display formatting for reader metadata. Pure. */

/**
 * Intl's formatters, made once per locale and options: making one costs far more than using it, and a list (the
 * library's, 40 lines at a time) asks for the same few again and again. A locale Intl rejects is not kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** An ISO date as the reader's locale writes it ("30 December 2025"), or null when it can't be read. */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    const utc = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    return formatter(
      `date|${locale}|${utc}`,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: utc ? 'UTC' : undefined }),
    ).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** A setting's number as the reader's locale writes it ("1.65", "1,65"), at most two decimals. */
export function formatNumber(value: number, locale: string): string {
  try {
    return formatter(`number|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(
      value,
    );
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
    form = formatter(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
  } catch {
    form = count === 1 ? 'one' : 'other';
  }
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
}
