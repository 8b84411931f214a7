/**
 * Dates as pages write them → ISO 8601. Parsed by our own rules rather than `Date.parse`, whose handling of anything but
 * ISO strings differs between engines (Chromium, Firefox, Node), so a page gives the same date everywhere.
 */

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  // English, Russian (genitive and nominative), then Spanish, French, German, Italian and Portuguese. Short forms only
  // where they can't be read as a common word of another language.
  [
    'jan',
    'january',
    'янв',
    'января',
    'январь',
    'enero',
    'ene',
    'janvier',
    'janv',
    'januar',
    'jänner',
    'gennaio',
    'janeiro',
  ],
  [
    'feb',
    'february',
    'фев',
    'февраля',
    'февраль',
    'febrero',
    'février',
    'fevrier',
    'févr',
    'februar',
    'febbraio',
    'fevereiro',
  ],
  ['mar', 'march', 'мар', 'марта', 'март', 'marzo', 'mars', 'märz', 'mrz', 'março'],
  ['apr', 'april', 'апр', 'апреля', 'апрель', 'abril', 'abr', 'avril', 'avr', 'aprile'],
  ['may', 'мая', 'май', 'mayo', 'mai', 'maggio', 'maio'],
  ['jun', 'june', 'июн', 'июня', 'июнь', 'junio', 'juin', 'juni', 'giugno', 'junho'],
  ['jul', 'july', 'июл', 'июля', 'июль', 'julio', 'juillet', 'juil', 'juli', 'luglio', 'julho'],
  ['aug', 'august', 'авг', 'августа', 'август', 'agosto', 'août', 'aout'],
  [
    'sep',
    'sept',
    'september',
    'сен',
    'сент',
    'сентября',
    'сентябрь',
    'septiembre',
    'setiembre',
    'septembre',
    'settembre',
    'setembro',
  ],
  ['oct', 'october', 'окт', 'октября', 'октябрь', 'octubre', 'octobre', 'oktober', 'okt', 'ottobre', 'outubro'],
  ['nov', 'november', 'ноя', 'нояб', 'ноября', 'ноябрь', 'noviembre', 'novembre', 'novembro'],
  [
    'dec',
    'december',
    'дек',
    'декабря',
    'декабрь',
    'diciembre',
    'dic',
    'décembre',
    'decembre',
    'déc',
    'dezember',
    'dez',
    'dicembre',
    'dezembro',
  ],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateOnly(year: number, month: number, day: number): string | null {
  return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

// 2019-11-19, 2019-11-19T10:05, 2019-11-19 10:05:07.123+02:00, 2019-11-19T10:05Z, 20191119T1005Z is not supported.
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// Tue, 19 Nov 2019 10:05:00 GMT / +0100 (RFC 2822, as in HTTP and RSS)
const RFC2822 = new RegExp(
  `^(?:[a-z]{3},?\\s+)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(gmt|utc|ut|z|[+-]\\d{4})?$`,
  'i',
);

function withOffset(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  zone: string | undefined,
): string | null {
  if (!validDate(year, month, day) || h > 23 || m > 59 || s > 59) return null;
  if (!zone) return `${year}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}`;
  let offsetMinutes = 0;
  const z = zone.toUpperCase();
  if (z !== 'Z' && z !== 'GMT' && z !== 'UTC' && z !== 'UT') {
    const digits = z.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
  }
  const time = Date.UTC(year, month - 1, day, h, m, s) - offsetMinutes * 60_000;
  const date = new Date(time);
  const y = date.getUTCFullYear();
  return y < MIN_YEAR || y > MAX_YEAR ? null : date.toISOString();
}

/**
 * A machine-readable date (as in JSON-LD, meta tags, `<time datetime>`) → ISO 8601: a UTC date-time when the value
 * has an offset, the local date-time as written when it has none, or the date alone. Null when it is not a plausible
 * date; human-written dates go through {@link findDateInText} too.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  const iso = ISO.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] === undefined) return dateOnly(year, month, day);
    return withOffset(year, month, day, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), iso[7]);
  }
  const rfc = RFC2822.exec(value);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()]!;
    return withOffset(
      Number(rfc[3]),
      month,
      Number(rfc[1]),
      Number(rfc[4]),
      Number(rfc[5]),
      Number(rfc[6] ?? 0),
      rfc[7] ?? 'Z',
    );
  }
  if (/^\d{10}(\d{3})?$/.test(value)) {
    // Unix time in seconds or milliseconds, as some CMSes write it.
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    const y = new Date(ms).getUTCFullYear();
    return y < MIN_YEAR || y > MAX_YEAR ? null : new Date(ms).toISOString();
  }
  return value.length <= 80 ? findDateInText(value) : null;
}

const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º)?';
const YEAR = '((?:19|20)\\d{2})';
const TEXT_DATES: Array<{ re: RegExp; order: 'mdy' | 'dmy' | 'ymd' }> = [
  // November 19, 2019 · Nov. 19 2019
  { re: new RegExp(`(?<![\\p{L}])${MONTH}\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'iu'), order: 'mdy' },
  // 19 November 2019 · 19 ноября 2019 г. · 19. November 2019 · 19 de noviembre de 2019 · 1er mars 2019
  {
    re: new RegExp(`(?<!\\d)${DAY}\\.?\\s+(?:of\\s+|de\\s+)?${MONTH}(?:\\s+de)?,?\\s+${YEAR}(?!\\d)`, 'iu'),
    order: 'dmy',
  },
  // 2019-11-19 · 2019/11/19 · 2019.11.19
  { re: /(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, order: 'ymd' },
  // 19.11.2019 (day first wherever dots are used)
  { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/, order: 'dmy' },
];

/**
 * The first date written out in `text` ("Nov. 19, 2019", "19 ноября 2019", "2019-11-19", "19.11.2019") as an ISO
 * date (no time: the zone of a written time is rarely stated). Null when there is none.
 */
export function findDateInText(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { re, order } of TEXT_DATES) {
    const m = re.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    const month = (s: string): number => MONTHS[s.toLowerCase()] ?? Number(s);
    const iso =
      order === 'mdy'
        ? dateOnly(Number(c), month(a), Number(b))
        : order === 'dmy'
          ? dateOnly(Number(c), month(b), Number(a))
          : dateOnly(Number(a), Number(b), Number(c));
    if (iso) best = { index: m.index, iso };
  }
  return best?.iso ?? null;
}
