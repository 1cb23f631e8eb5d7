import { describe, expect, it } from '@jest/globals';
import { countdown, statementOpen } from './deadline';
import { dayjs } from '../../lib/time';

// 01:00 on 4 December in Shanghai, still 3 December in UTC
const now = dayjs('2026-12-03T17:00:00Z');
const awaiting = (dueAt: string, status = 'acknowledged', overdue = false) => ({ dueAt, status, overdue });

describe('the director’s countdown', () => {
  it('counts calendar days in Asia/Shanghai, not in UTC', () => {
    expect(countdown(awaiting('2026-12-04T23:59:59.999+08:00'), now)).toEqual({ text: '今天截止', overdue: false });
    expect(countdown(awaiting('2026-12-05T00:30:00.000+08:00'), now)).toEqual({ text: '剩余 1 天', overdue: false });
    expect(countdown(awaiting('2026-12-24T23:59:59.999+08:00', 'issued'), now)).toEqual({ text: '剩余 20 天', overdue: false });
  });

  it('marks a passed deadline overdue, with the days since', () => {
    expect(countdown(awaiting('2026-12-04T00:30:00.000+08:00'), now)).toEqual({ text: '已逾期', overdue: true });
    expect(countdown(awaiting('2026-12-01T23:59:59.999+08:00', 'returned', true), now)).toEqual({ text: '已逾期 3 天', overdue: true });
  });

  it('believes the record: a case it marks overdue is overdue', () => {
    expect(countdown(awaiting('2026-12-10T23:59:59.999+08:00', 'returned', true), now)?.overdue).toBe(true);
  });

  it('counts nothing when no report is owed: awaiting review, or final', () => {
    for (const status of ['submitted', 'closed', 'failed', 'withdrawn'])
      expect(countdown(awaiting('2026-12-10T23:59:59.999+08:00', status), now)).toBeNull();
  });
});

describe('whether a proposed suspension can still be answered (陈述申辩)', () => {
  const proposal = { statementDueAt: '2026-12-09T23:59:59.999+08:00' };
  it('while no statement or waiver is recorded, before the deadline, and enrolment not yet suspended', () => {
    expect(statementOpen({ enrolment: { status: 'open', proposal } }, now)).toBe(true);
    expect(statementOpen({ enrolment: { status: 'open' } }, now)).toBe(false);
    expect(statementOpen({ enrolment: { status: 'open', proposal: { ...proposal, statement: { text: '已整改' } } } }, now)).toBe(false);
    expect(statementOpen({ enrolment: { status: 'open', proposal: { ...proposal, waived: true } } }, now)).toBe(false);
    expect(statementOpen({ enrolment: { status: 'open', proposal } }, dayjs('2026-12-09T16:00:00Z'))).toBe(false);
    expect(statementOpen({ enrolment: { status: 'suspended', proposal } }, now)).toBe(false);
  });
});
