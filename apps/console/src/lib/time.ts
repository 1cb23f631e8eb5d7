import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every time people read is in the county's zone, whatever the browser's. */
export const COUNTY_ZONE = 'Asia/Shanghai';

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai; an empty value as a dash. */
export const formatTime = (value: string | null | undefined): string => (value ? dayjs(value).tz(COUNTY_ZONE).format('YYYY-MM-DD HH:mm') : '—');

/** A date (`YYYY-MM-DD`) as it is, or an instant's date in Asia/Shanghai. */
export const formatDate = (value: string | null | undefined): string =>
  !value ? '—' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).tz(COUNTY_ZONE).format('YYYY-MM-DD');

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
export const today = (): string => dayjs().tz(COUNTY_ZONE).format('YYYY-MM-DD');

export { dayjs };
