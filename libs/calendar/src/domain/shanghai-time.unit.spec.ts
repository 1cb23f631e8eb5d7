import { describe, expect, it } from '@jest/globals';
import { endOfShanghaiDay, formatShanghai, parseShanghaiDate, shanghaiDate } from './shanghai-time.js';

describe('Shanghai time', () => {
  // Instants near midnight UTC fall on another date in Shanghai (UTC+08:00) than in UTC or any zone west of it.
  it.each([
    ['2025-01-27T15:59:59.999Z', '2025-01-27'],
    ['2025-01-27T16:00:00.000Z', '2025-01-28'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2025-01-01T00:00:00.000Z', '2025-01-01'],
    ['2024-02-28T23:30:00.000Z', '2024-02-29'],
    ['2025-01-28T07:00:00+08:00', '2025-01-28'],
  ])('%s is on %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2025-01-27T16:00:00.000Z', '2025-01-28T00:00:00.000+08:00'],
    ['2025-02-05T15:59:59.999Z', '2025-02-05T23:59:59.999+08:00'],
    ['2025-02-05T01:00:00Z', '2025-02-05T09:00:00.000+08:00'],
    ['2025-02-04T20:00:00-05:00', '2025-02-05T09:00:00.000+08:00'],
    ['2025-07-01T12:34:56.789Z', '2025-07-01T20:34:56.789+08:00'],
  ])('writes %s as %s', (instant, written) => {
    expect(formatShanghai(new Date(instant))).toBe(written);
  });

  it('writes the end of a Shanghai day', () => {
    expect(endOfShanghaiDay('2025-02-05')).toBe('2025-02-05T23:59:59.999+08:00');
    expect(new Date(endOfShanghaiDay('2025-02-05')).toISOString()).toBe('2025-02-05T15:59:59.999Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => formatShanghai(new Date('not a date'))).toThrow(RangeError);
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('reads a date as the start of that day in Shanghai', () => {
    expect(parseShanghaiDate('2025-02-05').toUTC().toISO()).toBe('2025-02-04T16:00:00.000Z');
  });

  it.each(['2025-02-30', '2023-02-29', '2025-00-10', '2025-1-5', ' 2025-01-05', '2025-01-05Z'])('refuses %p rather than rolling it over', (date) => {
    expect(() => parseShanghaiDate(date)).toThrow(RangeError);
  });
});
