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
