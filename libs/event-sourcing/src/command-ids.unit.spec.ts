import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { derivedUuidV7, isKeyedCommandId, keyedCommandId } from './command-ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('command ids derived from a request', () => {
  it('keyedCommandId: the same material, the same id; recognisable as keyed; a random UUID is not', () => {
    const id = keyedCommandId('alice/POST//inspections/key-1/hash');
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('8');
    expect(keyedCommandId('alice/POST//inspections/key-1/hash')).toBe(id);
    expect(keyedCommandId('alice/POST//inspections/key-2/hash')).not.toBe(id);
    expect(isKeyedCommandId(id)).toBe(true);
    expect(isKeyedCommandId(randomUUID())).toBe(false);
  });

  it('derivedUuidV7: a version-7 UUID of the time given, the same for the same material, ordered by time', () => {
    const at = new Date('2026-03-12T02:00:00.123Z');
    const id = derivedUuidV7(at, 'inspection:x');
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('7');
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at.getTime());
    expect(derivedUuidV7(at, 'inspection:x')).toBe(id);
    expect(derivedUuidV7(at, 'inspection:y')).not.toBe(id);
    expect(derivedUuidV7(new Date(at.getTime() + 1), 'inspection:a') > id).toBe(true);
  });
});
