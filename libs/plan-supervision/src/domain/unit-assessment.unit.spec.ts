import { describe, expect, it } from '@jest/globals';
import { assessUnits, periodsDueInYear } from './unit-assessment.js';

const EDUCATION = { unitId: 'edu', name: '县教育局', registeredAt: '2023-01-10T10:00:00.000+08:00', hasTasks: true };
const LATECOMER = { unitId: 'late', name: '县民政局', registeredAt: '2025-06-15T10:00:00.000+08:00', hasTasks: true };
const NO_TASKS = { unitId: 'none', name: '县教研室', registeredAt: '2023-01-10T10:00:00.000+08:00', hasTasks: false };

describe('the departments’ annual assessment', () => {
  it('counts the year’s months whose reports were due, from the plan’s first month on', () => {
    expect(periodsDueInYear(2025, new Date('2025-04-06T00:00:00+08:00'), 5)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(periodsDueInYear(2025, new Date('2025-04-05T23:59:59+08:00'), 5)).toEqual(['2025-01', '2025-02']);
    expect(periodsDueInYear(2022, new Date('2026-01-01T00:00:00+08:00'), 5)).toEqual([]);
    expect(periodsDueInYear(2024, new Date('2026-01-01T00:00:00+08:00'), 5)).toHaveLength(12);
  });

  it('scores round(100 × (onTime + 0.5 × late) / owed)', () => {
    const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    const filed = new Map([
      [
        'edu',
        new Map([
          ['2025-01', { late: false }],
          ['2025-02', { late: false }],
          ['2025-03', { late: true }],
          ['2025-04', { late: false }],
        ]),
      ],
    ]);
    expect(assessUnits([EDUCATION], periods, filed)).toEqual([
      // (3 + 0.5) / 6 = 58.33…
      { unitId: 'edu', name: '县教育局', owed: 6, onTime: 3, late: 1, missing: 2, score: 58 },
    ]);
  });

  it('owes nothing for months that ended before the unit was registered, unless it reported anyway', () => {
    const periods = ['2025-05', '2025-06', '2025-07'];
    expect(assessUnits([LATECOMER], periods, new Map())).toEqual([
      { unitId: 'late', name: '县民政局', owed: 2, onTime: 0, late: 0, missing: 2, score: 0 },
    ]);
    expect(assessUnits([LATECOMER], periods, new Map([['late', new Map([['2025-05', { late: true }]])]]))).toMatchObject([
      // (0 + 0.5) / 3 = 16.67
      { owed: 3, late: 1, missing: 2, score: 17 },
    ]);
  });

  it('leaves out a unit without tasks that filed nothing, and gives a unit that owed nothing no score', () => {
    expect(assessUnits([NO_TASKS], ['2025-01'], new Map())).toEqual([]);
    expect(assessUnits([LATECOMER], ['2025-01'], new Map())).toEqual([
      { unitId: 'late', name: '县民政局', owed: 0, onTime: 0, late: 0, missing: 0, score: null },
    ]);
  });
});
