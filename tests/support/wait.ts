import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
  /** How often to look (ms). */
  readonly intervalMs?: number;
  /** What is awaited, for the error when it never comes. */
  readonly what?: string;
}

/**
 * Polls `probe` until it returns something truthy, and returns that; fails with `what` (and the last value seen)
 * once `timeoutMs` has passed. An error thrown by the probe counts as "not yet", and is reported if it was the last.
 */
export const waitUntil = async <T>(probe: () => Promise<T> | T, options: WaitOptions = {}): Promise<NonNullable<T>> => {
  const { timeoutMs = 15_000, intervalMs = 100, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${seen?.slice(0, 2_000)}`);
    }
    await sleep(intervalMs);
  }
};

/**
 * Waits until the wall clock reaches `instant` (ms since the epoch or a date). Only for "nothing happens until then"
 * checks, where there is nothing to poll for.
 */
export const sleepUntil = async (instant: number | Date | string): Promise<void> => {
  const at = typeof instant === 'number' ? instant : new Date(instant).getTime();
  const left = at - Date.now();
  if (left > 0) await sleep(left);
};
