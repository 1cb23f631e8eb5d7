import { describe, expect, it } from '@jest/globals';
import { fold } from '@app/event-sourcing';
import { ConflictError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { AttachmentState } from '@app/attachments/domain';
import type { MonthlyReportCommand } from './monthly-report.commands.js';
import { monthlyReportDecider, type MonthlyReportContext } from './monthly-report.decider.js';
import type { MonthlyReportEvent, MonthlyReportItem } from './monthly-report.events.js';

const UNIT = 'county-education-bureau';
const PERIOD = '2025-03';
const DUE = '2025-04-05T23:59:59.999+08:00';
const ITEMS: MonthlyReportItem[] = [
  { taskNo: 15, status: 'on-track', progress: '已完成年检' },
  { taskNo: 16, status: 'at-risk', progress: '防冲撞设施建设滞后' },
];

const at = (written: string): Date => new Date(written);
const justAfter = (written: string): Date => new Date(Date.parse(written) + 1);

const context: MonthlyReportContext = {
  now: at('2025-04-03T10:00:00.000+08:00'),
  actor: { sub: 'li', role: 'department' },
  dueDay: 5,
  unitRegistered: true,
  knownTasks: Array.from({ length: 17 }, (_, index) => index + 1),
  unitTasks: [15, 16],
};
const given = DeciderSpecification.for(monthlyReportDecider, context);

const submit = (items = ITEMS, period = PERIOD): MonthlyReportCommand => ({ type: 'SubmitMonthlyReport', data: { unitId: UNIT, period, items } });
const submitted = (submittedAt: string, late: boolean): MonthlyReportEvent => ({
  type: 'MonthlyReportSubmitted',
  data: { unitId: UNIT, period: PERIOD, items: ITEMS, dueAt: DUE, submittedAt, late },
});
const missed: MonthlyReportEvent = {
  type: 'MonthlyReportMissed',
  data: { unitId: UNIT, period: PERIOD, dueAt: DUE, recordedAt: '2025-04-06T00:05:00.000+08:00' },
};
const markMissed: MonthlyReportCommand = { type: 'MarkMonthlyReportMissed', data: { unitId: UNIT, period: PERIOD } };

describe('MonthlyReport', () => {
  describe('when submitted', () => {
    it('is on time up to the end of the due day', () => {
      given([])
        .when(submit(), { now: at(DUE) })
        .then([submitted(DUE, false)]);
    });

    it('is on time the moment the month has ended', () => {
      given([])
        .when(submit(), { now: at('2025-04-01T00:00:00.000+08:00') })
        .then([submitted('2025-04-01T00:00:00.000+08:00', false)]);
    });

    it('is late after the due day', () => {
      given([])
        .when(submit(), { now: justAfter(DUE) })
        .then([submitted('2025-04-06T00:00:00.000+08:00', true)]);
    });

    it('is late, and accepted, after it was recorded missing', () => {
      given([missed])
        .when(submit(), { now: at('2025-04-10T09:00:00.000+08:00') })
        .then([submitted('2025-04-10T09:00:00.000+08:00', true)]);
    });

    it('is refused while the month has not ended (period-not-ended)', () => {
      given([])
        .when(submit(), { now: at('2025-03-31T23:59:59.999+08:00') })
        .thenThrows(RuleViolationError, 'period-not-ended');
    });

    it('is refused a second time (report-exists)', () => {
      given([submitted('2025-04-03T10:00:00.000+08:00', false)])
        .when(submit())
        .thenThrows(ConflictError, 'report-exists');
    });

    it('is refused for a task the plan does not have (unknown-task)', () => {
      given([])
        .when(submit([{ taskNo: 18, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'unknown-task');
    });

    it('is refused for a task of another unit (task-not-assigned)', () => {
      given([])
        .when(submit([{ taskNo: 4, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'task-not-assigned');
    });

    it('is refused unless it covers every task the unit leads or shares (task-not-reported)', () => {
      given([])
        .when(submit([ITEMS[0]!]))
        .thenThrows(RuleViolationError, 'task-not-reported');
      given([])
        .when(submit(), { unitTasks: [1, 15, 16] })
        .thenThrows(RuleViolationError, 'task-not-reported');
    });

    it('checks unknown and foreign tasks before missing ones', () => {
      given([])
        .when(submit([{ taskNo: 18, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'unknown-task');
      given([])
        .when(submit([{ taskNo: 4, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'task-not-assigned');
    });

    it('is refused for a month before the plan’s first (period-outside-plan), before period-not-ended', () => {
      given([]).when(submit(ITEMS, '2022-12')).thenThrows(RuleViolationError, 'period-outside-plan');
      given([]).when(submit(ITEMS, '2019-06')).thenThrows(RuleViolationError, 'period-outside-plan');
      given([])
        .when(submit(ITEMS, '2023-01'), { now: at('2023-02-01T00:00:00.000+08:00') })
        .then([
          {
            type: 'MonthlyReportSubmitted',
            data: {
              unitId: UNIT,
              period: '2023-01',
              items: ITEMS,
              dueAt: '2023-02-05T23:59:59.999+08:00',
              submittedAt: '2023-02-01T00:00:00.000+08:00',
              late: false,
            },
          },
        ]);
    });

    it('is refused for a unit that is not registered (unknown-unit)', () => {
      given([]).when(submit(), { unitRegistered: false }).thenThrows(RuleViolationError, 'unknown-unit');
    });
  });

  describe('when the engine checks for a missing report', () => {
    it('records it missing after the due day', () => {
      given([])
        .when(markMissed, { now: at('2025-04-06T00:05:00.000+08:00') })
        .then([missed]);
    });

    it('records nothing up to the end of the due day', () => {
      given([])
        .when(markMissed, { now: at(DUE) })
        .thenNothingHappened();
    });

    it('records nothing for a report submitted, even late', () => {
      given([submitted('2025-04-06T08:00:00.000+08:00', true)])
        .when(markMissed, { now: at('2025-04-07T00:05:00.000+08:00') })
        .thenNothingHappened();
    });

    it('records it once', () => {
      given([missed])
        .when(markMissed, { now: at('2025-04-07T00:05:00.000+08:00') })
        .thenNothingHappened();
    });
  });
  describe('when amended', () => {
    const amend = (items: MonthlyReportItem[]): MonthlyReportCommand => ({
      type: 'AmendMonthlyReport',
      data: { unitId: UNIT, period: PERIOD, items },
    });
    const corrected: MonthlyReportItem[] = [
      { taskNo: 15, status: 'done', progress: '年检全部完成' },
      { taskNo: 16, status: 'on-track', progress: '防冲撞设施已开工' },
    ];
    const amendedAt = '2025-04-20T10:00:00.000+08:00';

    it('records the new version, keeping the first and its lateness', () => {
      const late = submitted('2025-04-10T09:00:00.000+08:00', true);
      given([late])
        .when(amend(corrected), { now: at(amendedAt) })
        .then([{ type: 'MonthlyReportAmended', data: { unitId: UNIT, period: PERIOD, items: corrected, amendedAt } }]);
      const state = fold(monthlyReportDecider, [
        late,
        { type: 'MonthlyReportAmended', data: { unitId: UNIT, period: PERIOD, items: corrected, amendedAt } },
      ]);
      expect(state).toMatchObject({
        status: 'submitted',
        late: true,
        items: corrected,
        versions: [
          { items: ITEMS, filedAt: '2025-04-10T09:00:00.000+08:00' },
          { items: corrected, filedAt: amendedAt },
        ],
      });
    });

    it('is refused before a report was submitted, or while only recorded missing', () => {
      given([]).when(amend(corrected)).thenThrows(ConflictError, 'invalid-transition');
      given([missed]).when(amend(corrected)).thenThrows(ConflictError, 'invalid-transition');
    });

    it('follows the same rules on tasks as the first filing', () => {
      const first = submitted('2025-04-03T10:00:00.000+08:00', false);
      given([first])
        .when(amend([corrected[0]!]))
        .thenThrows(RuleViolationError, 'task-not-reported');
      given([first])
        .when(amend([...corrected, { taskNo: 4, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'task-not-assigned');
      given([first])
        .when(amend([...corrected, { taskNo: 99, status: 'done', progress: '—' }]))
        .thenThrows(RuleViolationError, 'unknown-task');
    });
  });

  describe('when it cites uploads as evidence', () => {
    const PHOTO = '3f9a1c2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';
    const uploadedBy = (unitId: string) => ({ sub: 'zhang', role: 'department', unitId });
    const upload = (unitId: string): AttachmentState => ({
      status: 'uploaded',
      id: PHOTO,
      name: '现场照片.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 2048,
      sha256: 'a'.repeat(64),
      thumbnail: true,
      uploadedBy: uploadedBy(unitId),
      uploadedAt: '2025-04-02T09:00:00.000+08:00',
    });
    const clerk = { sub: 'li', role: 'department', unitId: UNIT };
    const cited = {
      attachmentId: PHOTO,
      caption: '检查现场',
      name: '现场照片.jpg',
      contentType: 'image/jpeg',
      sha256: 'a'.repeat(64),
      sizeBytes: 2048,
    };
    const withEvidence = (type: 'SubmitMonthlyReport' | 'AmendMonthlyReport'): MonthlyReportCommand => ({
      type,
      data: { unitId: UNIT, period: PERIOD, items: ITEMS, evidence: [{ attachmentId: PHOTO, caption: '检查现场' }] },
    });

    it('records each upload of the unit with its hash', () => {
      given([])
        .when(withEvidence('SubmitMonthlyReport'), { actor: clerk, attachments: { [PHOTO]: upload(UNIT) } })
        .then([
          {
            type: 'MonthlyReportSubmitted',
            data: {
              unitId: UNIT,
              period: PERIOD,
              items: ITEMS,
              evidence: [cited],
              dueAt: DUE,
              submittedAt: '2025-04-03T10:00:00.000+08:00',
              late: false,
            },
          },
        ]);
    });

    it('is refused for an upload of another unit, or none (unknown-attachment)', () => {
      given([])
        .when(withEvidence('SubmitMonthlyReport'), { actor: clerk, attachments: { [PHOTO]: upload('township-a') } })
        .thenThrows(RuleViolationError, 'unknown-attachment');
      given([]).when(withEvidence('SubmitMonthlyReport'), { actor: clerk, attachments: {} }).thenThrows(RuleViolationError, 'unknown-attachment');
    });

    it('keeps each version’s evidence when amended', () => {
      const first = submitted('2025-04-03T10:00:00.000+08:00', false);
      given([first])
        .when(withEvidence('AmendMonthlyReport'), { actor: clerk, attachments: { [PHOTO]: upload(UNIT) } })
        .then([
          {
            type: 'MonthlyReportAmended',
            data: { unitId: UNIT, period: PERIOD, items: ITEMS, evidence: [cited], amendedAt: '2025-04-03T10:00:00.000+08:00' },
          },
        ]);
      given([first])
        .when(withEvidence('AmendMonthlyReport'), { actor: clerk, attachments: { [PHOTO]: upload('township-a') } })
        .thenThrows(RuleViolationError, 'unknown-attachment');
      const state = fold(monthlyReportDecider, [
        first,
        {
          type: 'MonthlyReportAmended',
          data: { unitId: UNIT, period: PERIOD, items: ITEMS, evidence: [cited], amendedAt: '2025-04-20T10:00:00.000+08:00' },
        },
      ]);
      expect(state).toMatchObject({ evidence: [cited], versions: [{ evidence: [] }, { evidence: [cited] }] });
    });
  });
});
