import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ChainVerifier,
  GENESIS_HASH,
  canonicalEnvelope,
  canonicalText,
  envelopeFromText,
  eventHash,
  verifyEvents,
  type HashedFields,
} from './hash-chain.js';

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

  it('assembles from the canonical texts of data and metadata exactly the envelope JCS gives for the parsed event', () => {
    fc.assert(
      fc.property(
        fc.record({
          streamId: fc.string({ minLength: 1 }),
          version: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          id: fc.uuid(),
          type: fc.string({ minLength: 1 }),
          schemaVersion: fc.integer({ min: 1, max: 1000 }),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
          metadata: fc.record({
            actor: fc.record({ sub: fc.string(), role: fc.string() }),
            at: fc.string(),
            commandId: fc.uuid(),
            correlationId: fc.string(),
          }),
        }),
        (event) => {
          // what a json column gives back is the text that went in: the values as JSON.parse reads them again
          const data = JSON.parse(JSON.stringify(event.data)) as object;
          const hashed = { ...event, data, metadata: event.metadata as unknown as HashedFields['metadata'] };
          const text = envelopeFromText({ ...event, dataText: canonicalText(data), metadataText: canonicalText(event.metadata) });
          expect(text).toBe(canonicalEnvelope(hashed));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('verifies stored text: the canonical text directly, another spelling of the same values through JCS', () => {
    const [event] = chain(1);
    const asText = { ...event!, dataText: canonicalText(event!.data), metadataText: canonicalText(event!.metadata) };
    const direct = new ChainVerifier();
    direct.addText(asText);
    expect(direct.report().ok).toBe(true);
    const respelled = new ChainVerifier();
    respelled.addText({ ...asText, dataText: ` ${JSON.stringify(event!.data, null, 2)} ` });
    expect(respelled.report().ok).toBe(true);
    const altered = new ChainVerifier();
    altered.addText({ ...asText, dataText: '{"n":999}' });
    expect(altered.report().broken).toEqual([{ streamId: event!.streamId, version: 1, reason: 'hash-mismatch' }]);
  });
});
