/** `2026-12-11T23:59:59.999+08:00` → `2026年12月11日 23:59`, as people read it (the engine writes every time at +08:00). */
export const wallTime = (written: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(written);
  if (!match) return written;
  const [, year, month, day, hour, minute] = match;
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`;
};

/** `2026-12-11` → `2026年12月11日`. */
export const wallDate = (date: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
};

/** An ISO 8601 offset label (`P7D`, `PT12H`, `P1W`) in Chinese: `7天`, `12小时`, `1周`. */
export const offsetLabel = (label: string): string => {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(label);
  if (!match) return label;
  const [, weeks, days, hours, minutes, seconds] = match;
  const parts = [weeks && `${weeks}周`, days && `${days}天`, hours && `${hours}小时`, minutes && `${minutes}分钟`, seconds && `${seconds}秒`].filter(
    Boolean,
  );
  return parts.join('') || label;
};
