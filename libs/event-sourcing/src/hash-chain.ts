import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredEvent } from './event.js';

/** The `prevHash` of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = Pick<StoredEvent, 'streamId' | 'version' | 'id' | 'type' | 'schemaVersion' | 'data' | 'metadata'>;

/** RFC 8785 (JCS) text of exactly the fields the chain protects. */
export const canonicalEnvelope = (event: HashedFields): string => {
  const text = canonicalize({
    streamId: event.streamId,
    version: event.version,
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  });
  if (text === undefined) throw new TypeError('Event envelope is not JSON-serialisable');
  return text;
};

/** RFC 8785 (JCS) text of one JSON value. */
export const canonicalText = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value is not JSON-serialisable');
  return text;
};

/** An event whose data and metadata are at hand as their canonical JSON texts (as the SQL stores keep them). */
export type HashedText = Pick<StoredEvent, 'streamId' | 'version' | 'id' | 'type' | 'schemaVersion'> & {
  readonly dataText: string;
  readonly metadataText: string;
};

/**
 * The canonical envelope assembled from the canonical texts of its data and metadata, without parsing them: JCS
 * orders the members data, id, metadata, schemaVersion, streamId, type, version; strings are JSON.stringify'd and
 * the two integers are their decimal digits. Equal to `canonicalEnvelope` of the parsed event (a property test
 * holds the two together).
 */
export const envelopeFromText = (event: HashedText): string =>
  `{"data":${event.dataText},"id":${JSON.stringify(event.id)},"metadata":${event.metadataText},"schemaVersion":${event.schemaVersion},` +
  `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)},"version":${event.version}}`;

/** hash = lowercase hex SHA-256 of the UTF-8 bytes of `prevHash` followed by the canonical envelope. */
export const chainHash = (prevHash: string, canonical: string): string =>
  createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');

export const eventHash = (prevHash: string, event: HashedFields): string => chainHash(prevHash, canonicalEnvelope(event));

export type ChainBreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'version-gap';

export interface ChainBreak {
  readonly streamId: string;
  readonly version: number;
  readonly reason: ChainBreakReason;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly broken: readonly ChainBreak[];
}

type Verifiable = HashedFields & Pick<StoredEvent, 'prevHash' | 'hash'>;

/**
 * Checks events stream by stream as they come (in any interleaving of streams, each stream in version order),
 * remembering only each stream's last link, and reports the first broken event of every broken stream.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, { version: number; hash: string }>();
  private readonly breaks = new Map<string, ChainBreak>();
  private events = 0;

  add(event: Verifiable): void {
    this.events++;
    if (this.breaks.has(event.streamId)) return;
    const head = this.heads.get(event.streamId) ?? { version: 0, hash: GENESIS_HASH };
    const reason = this.check(event, head);
    if (reason) {
      this.breaks.set(event.streamId, { streamId: event.streamId, version: event.version, reason });
      return;
    }
    this.heads.set(event.streamId, { version: event.version, hash: event.hash });
  }

  /**
   * The same check for an event read as stored text: the hash over the stored canonical text first, and only if
   * that differs, over the JCS of the parsed values (text written by an older version need not be canonical).
   */
  addText(event: HashedText & Pick<StoredEvent, 'prevHash' | 'hash'>): void {
    this.events++;
    if (this.breaks.has(event.streamId)) return;
    const head = this.heads.get(event.streamId) ?? { version: 0, hash: GENESIS_HASH };
    let reason: ChainBreakReason | null = null;
    if (event.version !== head.version + 1) reason = 'version-gap';
    else if (event.prevHash !== head.hash) reason = 'prev-hash-mismatch';
    else if (chainHash(event.prevHash, envelopeFromText(event)) !== event.hash) {
      const parsed = { ...event, data: JSON.parse(event.dataText) as object, metadata: JSON.parse(event.metadataText) as StoredEvent['metadata'] };
      if (eventHash(event.prevHash, parsed) !== event.hash) reason = 'hash-mismatch';
    }
    if (reason) {
      this.breaks.set(event.streamId, { streamId: event.streamId, version: event.version, reason });
      return;
    }
    this.heads.set(event.streamId, { version: event.version, hash: event.hash });
  }

  /** Marks a stream as seen even if it has no events (so an empty stream still counts as checked). */
  touch(streamId: string): void {
    if (!this.heads.has(streamId) && !this.breaks.has(streamId)) this.heads.set(streamId, { version: 0, hash: GENESIS_HASH });
  }

  report(): VerificationReport {
    const broken = [...this.breaks.values()].sort((a, b) => a.streamId.localeCompare(b.streamId));
    return {
      ok: broken.length === 0,
      streamsChecked: new Set([...this.heads.keys(), ...this.breaks.keys()]).size,
      eventsChecked: this.events,
      broken,
    };
  }

  private check(event: Verifiable, head: { version: number; hash: string }): ChainBreakReason | null {
    if (event.version !== head.version + 1) return 'version-gap';
    if (event.prevHash !== head.hash) return 'prev-hash-mismatch';
    if (eventHash(event.prevHash, event) !== event.hash) return 'hash-mismatch';
    return null;
  }
}

export const verifyEvents = (events: Iterable<Verifiable>): VerificationReport => {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.add(event);
  return verifier.report();
};
