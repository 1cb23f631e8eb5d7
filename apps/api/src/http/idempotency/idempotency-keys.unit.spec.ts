import { describe, expect, it } from '@jest/globals';
import { principalOf } from './idempotency-keys.js';

describe('principalOf: whose an Idempotency-Key is', () => {
  it('the user and the kindergarten or unit it acts for: the same sub in two tenants is two principals', () => {
    const director = { sub: 'li', role: 'kindergarten' };
    expect(principalOf({ ...director, kindergartenId: 'kg-a' })).not.toBe(principalOf({ ...director, kindergartenId: 'kg-b' }));
    expect(principalOf({ sub: 'wang', role: 'department', unitId: 'u-1' })).not.toBe(principalOf({ sub: 'wang', role: 'department', unitId: 'u-2' }));
    expect(principalOf({ sub: 'zhao', role: 'supervisor' })).not.toBe(principalOf({ sub: 'zhao', role: 'admin' }));
    expect(principalOf({ ...director, kindergartenId: 'kg-a' })).toBe(principalOf({ ...director, kindergartenId: 'kg-a' }));
    // no id can pass for another by its characters
    expect(principalOf({ sub: 'a","kg-b', role: 'kindergarten' })).not.toBe(principalOf({ sub: 'a', role: 'kindergarten', kindergartenId: 'kg-b' }));
  });
});
