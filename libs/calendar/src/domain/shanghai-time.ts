import { DateTime, FixedOffsetZone } from 'luxon';
import type { IsoDate } from './working-day-calendar.js';

/** The zone of every calendar rule: China Standard Time, UTC+08:00 (no daylight saving since 1991). */
export const SHANGHAI_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WRITTEN_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/**
 * Reads a `YYYY-MM-DD` date as the start of that day in Asia/Shanghai.
 * @throws RangeError if `date` is not a string of that shape or not a real date (`2025-02-30` is refused, not rolled over).
 */
export const parseShanghaiDate = (date: IsoDate, label = 'date'): DateTime<true> => {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) throw new RangeError(`${label} must be a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  const parsed = DateTime.fromISO(date, { zone: SHANGHAI_ZONE });
  if (!parsed.isValid) throw new RangeError(`${label} ${date} is not a real date`);
  return parsed;
};

// China has kept UTC+08:00 without daylight saving since September 1991: from 1992 on, a fixed offset gives the same
// wall time as the IANA zone without Intl's cost on every formatted time
const CHINA_STANDARD_TIME = FixedOffsetZone.instance(8 * 60);
const FIXED_OFFSET_FROM = Date.UTC(1991, 11, 31, 16);

const inShanghai = (instant: Date): DateTime<true> => {
  const zone = instant instanceof Date && instant.getTime() >= FIXED_OFFSET_FROM ? CHINA_STANDARD_TIME : SHANGHAI_ZONE;
  const time = instant instanceof Date ? DateTime.fromJSDate(instant, { zone }) : undefined;
  if (!time?.isValid) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  // Four-digit years only: anything else could not be written as YYYY.
  if (time.year < 0 || time.year > 9999) throw new RangeError(`Instant outside the years 0000–9999: ${instant.toISOString()}`);
  return time;
};

/** The calendar date (`YYYY-MM-DD`) of `instant` in Asia/Shanghai, whatever the process time zone. */
export const shanghaiDate = (instant: Date): IsoDate => inShanghai(instant).toFormat('yyyy-MM-dd');

const EIGHT_HOURS = 8 * 60 * 60 * 1000;

/** `instant` as the engine writes every time: `YYYY-MM-DDTHH:mm:ss.sss+08:00`, whatever the process time zone. */
export const formatShanghai = (instant: Date): string => {
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  // the hot path (every event written): the fixed offset, without Luxon's format parsing
  if (time >= FIXED_OFFSET_FROM && time < Date.UTC(9999, 11, 31, 16)) return `${new Date(time + EIGHT_HOURS).toISOString().slice(0, 23)}+08:00`;
  return inShanghai(instant).toFormat(WRITTEN_TIME);
};

/** The last millisecond of `date` in Asia/Shanghai, written as `YYYY-MM-DDT23:59:59.999+08:00`. */
export const endOfShanghaiDay = (date: IsoDate): string => parseShanghaiDate(date).endOf('day').toFormat(WRITTEN_TIME);
