import type { EvidenceCitation } from '@app/attachments/domain';
import type { Command } from '@app/event-sourcing';
import type { RecordDelivery } from '@app/notifications/domain';
import type { MonthlyReportItem } from './monthly-report.events.js';

export type MonthlyReportCommand =
  | Command<'SubmitMonthlyReport', { unitId: string; period: string; items: MonthlyReportItem[]; evidence?: EvidenceCitation[] }>
  | Command<'AmendMonthlyReport', { unitId: string; period: string; items: MonthlyReportItem[]; evidence?: EvidenceCitation[] }>
  // the engine, after the due day, for a unit that has not reported
  | Command<'MarkMonthlyReportMissed', { unitId: string; period: string }>
  // the engine, when a cadence job fires: deliver the reminder `key` to the unit's inbox
  | Command<'Notify', { unitId: string; period: string; key: string }>
  // the engine, after delivering a reminder on another channel
  | RecordDelivery;
