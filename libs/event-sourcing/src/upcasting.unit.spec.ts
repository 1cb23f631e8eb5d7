import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from './event.js';
import { Upcasters } from './upcasting.js';

const stored = (type: string, schemaVersion: number, data: object): StoredEvent => ({
  streamId: 's-1',
  version: 1,
  position: 1,
  id: 'id',
  type,
  schemaVersion,
  data,
  metadata: { actor: { sub: 'a', role: 'admin' }, at: '', commandId: '', correlationId: '', causationId: null },
  prevHash: '',
  hash: '',
  recordedAt: new Date(0),
});

describe('Upcasters', () => {
  it('lifts through every registered version and knows the current one', () => {
    const upcasters = new Upcasters()
      .register('FindingRecorded', 1, (data) => ({ ...data, severity: 'major' }))
      .register('FindingRecorded', 2, ({ text, ...rest }) => ({ ...rest, description: text }));
    expect(upcasters.currentVersion('FindingRecorded')).toBe(3);
    expect(upcasters.currentVersion('InspectionScheduled')).toBe(1);
    expect(upcasters.upcast(stored('FindingRecorded', 1, { text: '消防通道堵塞' }))).toMatchObject({
      schemaVersion: 3,
      data: { description: '消防通道堵塞', severity: 'major' },
    });
    expect(upcasters.upcast(stored('FindingRecorded', 2, { text: 'x', severity: 'minor' })).data).toEqual({ description: 'x', severity: 'minor' });
  });

  it('leaves current and unknown events alone', () => {
    const upcasters = new Upcasters().register('A', 1, () => ({ lifted: true }));
    const current = stored('A', 2, { v: 2 });
    expect(upcasters.upcast(current)).toBe(current);
    const other = stored('B', 1, {});
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('refuses two upcasters for one version', () => {
    const upcasters = new Upcasters().register('A', 1, (data) => data);
    expect(() => upcasters.register('A', 1, (data) => data)).toThrow(/already registered/);
  });
});
