import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ChainVerifier, GENESIS_HASH, canonicalEnvelope, eventHash, verifyEvents, type HashedFields } from './hash-chain.js';

const envelope = (version: number, data: object = { n: version }): HashedFields => ({
  streamId: 'rectification-7',
  version,
  id: `00000000-0000-4000-8000-00000000000${version}`,
  type: 'NoticeAcknowledged',
  schemaVersion: 1,
  data,
  metadata: {
    actor: { sub: 'li', role: 'kindergarten' },
    at: '2025-03-03T09:00:00.000+08:00',
    commandId: 'c',
    correlationId: 'r',
    causationId: null,
  },
});

const chain = (count: number): Array<HashedFields & { prevHash: string; hash: string }> => {
  const events: Array<HashedFields & { prevHash: string; hash: string }> = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version++) {
    const hash = eventHash(prevHash, envelope(version));
    events.push({ ...envelope(version), prevHash, hash });
    prevHash = hash;
  }
  return events;
};

describe('hash chain', () => {
  it('canonicalises with sorted members and no whitespace (RFC 8785)', () => {
    expect(canonicalEnvelope(envelope(1, { z: 1, a: [true, null, 1.5], 中: '文' }))).toBe(
      '{"data":{"a":[true,null,1.5],"z":1,"中":"文"},"id":"00000000-0000-4000-8000-000000000001",' +
        '"metadata":{"actor":{"role":"kindergarten","sub":"li"},"at":"2025-03-03T09:00:00.000+08:00","causationId":null,"commandId":"c","correlationId":"r"},' +
        '"schemaVersion":1,"streamId":"rectification-7","type":"NoticeAcknowledged","version":1}',
    );
  });

  it('hashes the previous hash followed by the canonical text', () => {
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalEnvelope(envelope(1)))
      .digest('hex');
    expect(eventHash(GENESIS_HASH, envelope(1))).toBe(expected);
  });

  it('accepts an intact chain', () => {
    expect(verifyEvents(chain(5))).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 5, broken: [] });
  });

  it('reports the first altered event only, by stream and version', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { n: 300 } };
    events[3] = { ...events[3]!, data: { n: 400 } };
    expect(verifyEvents(events).broken).toEqual([{ streamId: 'rectification-7', version: 3, reason: 'hash-mismatch' }]);
  });

  it('tells a broken link from a gap', () => {
    const relinked = chain(3);
    relinked[1] = { ...relinked[1]!, prevHash: 'f'.repeat(64) };
    expect(verifyEvents(relinked).broken[0]).toMatchObject({ version: 2, reason: 'prev-hash-mismatch' });
    const gapped = chain(3).filter((event) => event.version !== 2);
    expect(verifyEvents(gapped).broken[0]).toMatchObject({ version: 3, reason: 'version-gap' });
  });

  it('verifies interleaved streams independently', () => {
    const verifier = new ChainVerifier();
    const a = chain(3);
    const b = chain(2).map((event) => ({ ...event, streamId: 'other-1', hash: eventHash(event.prevHash, { ...event, streamId: 'other-1' }) }));
    verifier.add(a[0]!);
    verifier.add(b[0]!);
    verifier.add(a[1]!);
    verifier.add(a[2]!);
    expect(verifier.report()).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 4, broken: [] });
  });
});
