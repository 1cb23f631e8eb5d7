/** One of REMINDER_OFFSETS: how long before a deadline to remind (`P7D`), in milliseconds (the reminders' `ReminderOffset`). */
interface ReminderOffset {
  readonly label: string;
  readonly ms: number;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses comma-separated ISO 8601 durations in weeks, days, hours, minutes and seconds (`P7D,P1D`, `PT30S`).
 * @throws Error naming every entry that is not one (start-up stops on it).
 */
export const parseReminderOffsets = (text: string): ReminderOffset[] => {
  const entries = text.split(',').map((entry) => entry.trim());
  const bad: string[] = [];
  const offsets = entries.flatMap((label) => {
    const match = DURATION.exec(label);
    if (!match || label === 'P' || label.endsWith('T')) {
      bad.push(JSON.stringify(label));
      return [];
    }
    const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
    const ms = ((((weeks! * 7 + days!) * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 1000;
    if (ms <= 0) bad.push(JSON.stringify(label));
    return ms > 0 ? [{ label, ms }] : [];
  });
  if (bad.length > 0)
    throw new Error(`REMINDER_OFFSETS: ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ISO 8601 durations such as P7D, P1D, PT12H or PT30S`);
  if (new Set(offsets.map((offset) => offset.ms)).size !== offsets.length) throw new Error('REMINDER_OFFSETS: two offsets are the same duration');
  return offsets.sort((a, b) => b.ms - a.ms);
};
