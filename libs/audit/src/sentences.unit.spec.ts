import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@app/event-sourcing';
import { describeEvent } from './sentences.js';

const at = '2025-03-03T10:00:00.000+08:00';
const finding = { code: 'F1', description: '消防通道堵塞', severity: 'major' };

/** One plausible payload per event type of the contract (api.md, Events), with the fields each sentence reads. */
const samples: Record<string, Record<string, unknown>> = {
  KindergartenRegistered: { name: '清水河镇中心幼儿园', township: '清水河镇', ownership: 'public' },
  DisclosurePublished: { teachers: 12, caregivers: 6, children: 180, monthlyFeeYuan: 300 },
  InspectionScheduled: { year: 2025, kind: 'annual', scheduledOn: '2025-03-10', kindergartenId: 'kg-1' },
  FindingRecorded: finding,
  InspectionConcluded: { outcome: 'failed', summary: '存在安全隐患' },
  RectificationNoticeIssued: { dueAt: '2025-03-17T23:59:59.999+08:00', publish: true, findings: [finding] },
  InspectionRescheduled: { previousScheduledOn: '2025-03-10', scheduledOn: '2025-03-12', reason: '园方活动冲突' },
  InspectionCancelled: { reason: '重复安排' },
  FindingAmended: { code: 'F1', description: '消防通道堆放杂物', severity: 'critical' },
  FindingWithdrawn: { code: 'F2', reason: '核实后不属实' },
  DocumentNumberAssigned: { year: 2025, n: 3, documentNo: '清教督改〔2025〕3号', rectificationId: 'rc-1' },
  DeadlineReset: { previousDueAt: '2025-03-17T23:59:59.999+08:00', dueAt: '2025-03-31T23:59:59.999+08:00', reason: '重新限期' },
  NoticePublished: {},
  NoticeWithdrawn: { reason: '检查结论有误' },
  NoticeAcknowledged: {},
  ExtensionRequested: { requestedDueAt: '2025-03-31T23:59:59.999+08:00', reason: '施工需要时间' },
  ExtensionGranted: { previousDueAt: '2025-03-17T23:59:59.999+08:00', dueAt: '2025-03-31T23:59:59.999+08:00', reason: '同意' },
  ExtensionDenied: { reason: '理由不充分' },
  RectificationReportSubmitted: { reportNo: 1, late: false, summary: '已完成整改' },
  RectificationReportReturned: { reportNo: 1, comment: '证据不足' },
  RectificationAccepted: { reportNo: 2, comment: '整改到位' },
  FollowUpPassed: { inspectionId: 'in-2' },
  FollowUpFailed: { inspectionId: 'in-2' },
  DeadlineMissed: { dueAt: '2025-03-17T23:59:59.999+08:00' },
  ReminderSent: { channel: 'inbox', recipient: 'kindergarten:kg-1', subject: '整改期限提醒' },
  EnrolmentSuspended: { effectiveFrom: '2025-04-01', rectificationId: 'rc-1', reason: '整改后仍不达标' },
  EnrolmentReinstated: { inspectionId: 'in-3', reason: '复查合格' },
  MonthlyReportSubmitted: { unitId: 'county-education-bureau', period: '2025-02', items: [{ taskNo: 1 }], late: true },
  MonthlyReportMissed: { unitId: 'county-education-bureau', period: '2025-02', dueAt: '2025-03-05T23:59:59.999+08:00' },
  QuarterlyBulletinPublished: { year: 2025, quarter: 1 },
  AnnualAssessmentOpened: { year: 2025 },
};

const stored = (type: string, data: Record<string, unknown>): StoredEvent =>
  ({
    streamId: 'x-1',
    version: 1,
    position: 1,
    id: 'e-1',
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { sub: 'wang', role: 'supervisor' }, at, commandId: 'c', correlationId: 'c', causationId: 'c' },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    recordedAt: new Date(at),
  }) as StoredEvent;

describe('describeEvent', () => {
  it.each(Object.entries(samples))('says in Chinese what %s did, with nothing left undefined', (type, data) => {
    const sentence = describeEvent(stored(type, data));
    expect(sentence).toEqual(expect.any(String));
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('writes times as Shanghai wall time and names the deadline', () => {
    expect(describeEvent(stored('RectificationNoticeIssued', samples.RectificationNoticeIssued!))).toBe(
      '下发限期整改通知，整改期限2025年3月17日 23:59，并予以通报；需整改的问题：F1 消防通道堵塞',
    );
    expect(describeEvent(stored('MonthlyReportSubmitted', samples.MonthlyReportSubmitted!))).toBe(
      '责任单位（county-education-bureau）报送2025-02月度进展报告（1项任务），逾期报送',
    );
  });

  it('names the document number of a notice, and the new deadline of a reset', () => {
    expect(
      describeEvent(stored('RectificationNoticeIssued', { ...samples.RectificationNoticeIssued!, documentNo: '清教督改〔2025〕3号', publish: false })),
    ).toBe('【清教督改〔2025〕3号】下发限期整改通知，整改期限2025年3月17日 23:59；需整改的问题：F1 消防通道堵塞');
    expect(describeEvent(stored('DeadlineReset', samples.DeadlineReset!))).toBe(
      '重新确定整改期限，由2025年3月17日 23:59调整为2025年3月31日 23:59。重新限期',
    );
  });

  it('leaves an event type it does not know to the caller', () => {
    expect(describeEvent(stored('SomethingElse', {}))).toBeUndefined();
  });
});
