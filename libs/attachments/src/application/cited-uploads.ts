import type { CommandRunner } from '@app/commands';
import { attachmentDecider, attachmentStreamId, type AttachmentState } from '../domain/index.js';

/** The uploads a command cites, as recorded now: read on every attempt, so one removed meanwhile cannot be cited. */
export const loadCitedUploads = async (runner: CommandRunner, attachmentIds: Iterable<string>): Promise<Record<string, AttachmentState>> => {
  const ids = [...new Set(attachmentIds)];
  const loaded = await Promise.all(ids.map(async (id) => [id, (await runner.load(attachmentDecider, attachmentStreamId(id))).state] as const));
  return Object.fromEntries(loaded);
};
