import { describe, expect, it } from '@jest/globals';
import { canSeeKindergartenIn, isScopedCaller, type Caller } from './caller.js';

const supervisor = (townships?: string[]): Caller => ({ sub: 'liu', role: 'supervisor', name: '刘督学', ...(townships ? { townships } : {}) });

describe('canSeeKindergartenIn: who sees a kindergarten', () => {
  it('a supervisor with a 责任区 sees the kindergartens of its townships only, and none whose township is unknown', () => {
    const liu = supervisor(['chengguan', 'honghe']);
    expect(isScopedCaller(liu)).toBe(true);
    expect(canSeeKindergartenIn(liu, 'kg-1', 'honghe')).toBe(true);
    expect(canSeeKindergartenIn(liu, 'kg-2', 'yaogou')).toBe(false);
    expect(canSeeKindergartenIn(liu, 'kg-3', null)).toBe(false);
  });

  it('a supervisor without townships, an admin and an auditor see the whole county', () => {
    for (const caller of [supervisor(), { sub: 'li', role: 'admin', name: '李' } as Caller, { sub: 'zhao', role: 'auditor', name: '赵' } as Caller]) {
      expect(isScopedCaller(caller)).toBe(false);
      expect(canSeeKindergartenIn(caller, 'kg-2', 'yaogou')).toBe(true);
      expect(canSeeKindergartenIn(caller, 'kg-3', null)).toBe(true);
    }
  });

  it('a kindergarten sees itself only, whatever the township', () => {
    const director: Caller = { sub: 'director', role: 'kindergarten', name: '园长', kindergartenId: 'kg-1' };
    expect(isScopedCaller(director)).toBe(true);
    expect(canSeeKindergartenIn(director, 'kg-1', null)).toBe(true);
    expect(canSeeKindergartenIn(director, 'kg-2', 'chengguan')).toBe(false);
  });
});
