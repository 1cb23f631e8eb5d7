import { createHash } from 'node:crypto';

/**
 * Command ids that name one request however often it is retried: derived (UUID version 8) from what identifies it
 * (an idempotency key's scope and body). A command under such an id runs at most once per stream: the handler finds
 * the events it already wrote there and returns their outcome instead of deciding again (see DeciderCommandHandler).
 * Other command ids (random UUIDs) carry no such promise.
 */
const KEYED = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const format = (bytes: Uint8Array): string => {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

const digest = (material: string): Uint8Array => new Uint8Array(createHash('sha256').update(material).digest().subarray(0, 16));

/** The command id of a request identified by `material` (stable across retries). */
export const keyedCommandId = (material: string): string => {
  const bytes = digest(`command:${material}`);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return format(bytes);
};

/** Whether a command id was derived by keyedCommandId, so that the command runs at most once per stream. */
export const isKeyedCommandId = (commandId: string): boolean => KEYED.test(commandId);

/**
 * A UUID version 7 (time-ordered) for `at`, whose random part is derived from `material`: the same request
 * retried names the same new aggregate, so a retry finds what the first attempt wrote.
 */
export const derivedUuidV7 = (at: Date, material: string): string => {
  const bytes = digest(`v7:${material}`);
  const ms = BigInt(at.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return format(bytes);
};
