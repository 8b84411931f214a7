import { describe, expect, it } from 'vitest';
import { findDateInText, toIsoDate } from './dates';

describe('toIsoDate', () => {
  it('reads ISO 8601 with and without offsets, keeping a local time as written', () => {
    expect(toIsoDate('2019-11-19T10:05:07.123-05:00')).toBe('2019-11-19T15:05:07.000Z');
    expect(toIsoDate('2019-11-19 10:05')).toBe('2019-11-19T10:05:00');
    expect(toIsoDate('2019-11-19T10:05Z')).toBe('2019-11-19T10:05:00.000Z');
    expect(toIsoDate('2019-11-19T10:05:00+0530')).toBe('2019-11-19T04:35:00.000Z');
  });

  it('reads RFC 2822 and Unix time in seconds or milliseconds', () => {
    expect(toIsoDate('Tue, 19 Nov 2019 10:05:00 GMT')).toBe('2019-11-19T10:05:00.000Z');
    expect(toIsoDate('19 Nov 2019 10:05 +0100')).toBe('2019-11-19T09:05:00.000Z');
    expect(toIsoDate('1574157900')).toBe('2019-11-19T10:05:00.000Z');
    expect(toIsoDate('1574157900000')).toBe('2019-11-19T10:05:00.000Z');
  });

  it('falls back to a date written in words', () => {
    expect(toIsoDate('November 19, 2019')).toBe('2019-11-19');
  });

  it('rejects impossible dates and what is not a date', () => {
    expect(toIsoDate('2019-02-30')).toBeNull();
    expect(toIsoDate('2019-13-01')).toBeNull();
    expect(toIsoDate('2019-11-19T25:00Z')).toBeNull();
    expect(toIsoDate('0')).toBeNull();
    expect(toIsoDate('9999999999999')).toBeNull();
    expect(toIsoDate('   ')).toBeNull();
    expect(toIsoDate('x'.repeat(200))).toBeNull();
  });
});

describe('findDateInText', () => {
  it('finds dates as people write them, in several languages', () => {
    expect(findDateInText('By Jane Doe · Nov. 19, 2019 · 5 min read')).toBe('2019-11-19');
    expect(findDateInText('Updated 19th November 2019, 10:05')).toBe('2019-11-19');
    expect(findDateInText('Опубликовано 19 ноября 2019 г.')).toBe('2019-11-19');
    expect(findDateInText('Por Lucía Fernández · 4 de marzo de 2024')).toBe('2024-03-04');
    expect(findDateInText('Publié le 1er mars 2024')).toBe('2024-03-01');
    expect(findDateInText('Veröffentlicht am 4. März 2024')).toBe('2024-03-04');
    expect(findDateInText('Pubblicato il 4 marzo 2024')).toBe('2024-03-04');
    expect(findDateInText('Publicado em 4 de março de 2024')).toBe('2024-03-04');
    expect(findDateInText('2024/03/04 and later 2024-05-01')).toBe('2024-03-04');
    expect(findDateInText('04.03.2024')).toBe('2024-03-04');
  });

  it('takes the first date in the text', () => {
    expect(findDateInText('Posted March 4, 2024; updated 5 March 2024')).toBe('2024-03-04');
  });

  it('finds nothing in text without a full date', () => {
    expect(findDateInText('3 days ago')).toBeNull();
    expect(findDateInText('March 2024')).toBeNull();
    expect(findDateInText('He scored 19 goals in 2019.')).toBeNull();
    expect(findDateInText('Room 12.13.2024')).toBeNull();
  });
});
