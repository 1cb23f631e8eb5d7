import { RuleViolationError } from '@app/event-sourcing';
import { mayCite, type AttachmentState } from './attachment.decider.js';
import type { Uploader } from './attachment.events.js';

/** An attachment as a record cites it: the hash puts its bytes under the record's hash chain. */
export interface CitedAttachment {
  readonly attachmentId: string;
  readonly sha256: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

const asCitation = (item: unknown): CitedAttachment | null => {
  if (typeof item !== 'object' || item === null) return null;
  const { attachmentId, sha256 } = item as { attachmentId?: unknown; sha256?: unknown };
  return typeof attachmentId === 'string' && typeof sha256 === 'string' && SHA256.test(sha256) ? { attachmentId, sha256 } : null;
};

/**
 * The attachments an event's data cites, whatever the feature: `evidence` (rectification reports) and `attachments`
 * (statements, monthly reports) items carrying `{attachmentId, sha256}`. Verification re-hashes exactly these.
 */
export const citedAttachments = (data: unknown): CitedAttachment[] => {
  if (typeof data !== 'object' || data === null) return [];
  const { evidence, attachments } = data as { evidence?: unknown; attachments?: unknown };
  return [evidence, attachments].flatMap((list) => (Array.isArray(list) ? list.map(asCitation).filter((item) => item !== null) : []));
};

/** An upload as a record cites it (`evidence` items): its hash puts the bytes under the record's hash chain. */
export interface AttachedEvidence {
  readonly attachmentId: string;
  readonly caption?: string;
  readonly name: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** What a command gives to cite an upload. */
export interface EvidenceCitation {
  readonly attachmentId: string;
  readonly caption?: string;
}

/**
 * The upload `item` names as the record will cite it, if the citer may cite it (an upload of its own kindergarten or
 * unit, or for supervisors a supervisor's); else 422 `unknown-attachment`, whether it does not exist or is not theirs.
 */
export const citeAttachment = (
  citer: Uploader,
  item: EvidenceCitation,
  attachments: Readonly<Record<string, AttachmentState>> | undefined,
  record: string,
): AttachedEvidence => {
  const attachment = attachments?.[item.attachmentId] ?? { status: 'none' };
  if (!mayCite(citer, attachment)) {
    throw new RuleViolationError('unknown-attachment', `No attachment ${item.attachmentId} that ${record} may cite`, {
      attachmentId: item.attachmentId,
    });
  }
  const { name, contentType, sha256, sizeBytes } = attachment;
  return { attachmentId: item.attachmentId, ...(item.caption !== undefined ? { caption: item.caption } : {}), name, contentType, sha256, sizeBytes };
};
