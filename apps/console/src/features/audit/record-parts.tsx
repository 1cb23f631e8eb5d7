import { Typography } from 'antd';
import { ROLE, label } from '../../lib/labels';
import { COUNTY_ZONE, dayjs } from '../../lib/time';
import type { Actor } from './api';

/** An instant to the second in Asia/Shanghai: the record's order matters to an auditor, minutes are not enough. */
export const formatInstant = (value: string | null | undefined): string => (value ? dayjs(value).tz(COUNTY_ZONE).format('YYYY-MM-DD HH:mm:ss') : '—');

/** `王督学（督学）`, or `系统` for what the engine recorded by itself. */
export const actorText = (actor: Actor): string => (actor.role === 'system' ? '系统' : `${actor.name ?? actor.sub}（${label(ROLE, actor.role)}）`);

/** The stream categories (the part of a stream id before its first `-`), as the county names them. */
export const STREAM_CATEGORY: Record<string, string> = {
  rectification: '整改事项',
  inspection: '检查',
  kindergarten: '幼儿园',
  enrolment: '招生状态',
  monthlyReport: '月度进展报告',
  bulletin: '季度通报',
  assessment: '年度考核',
  user: '用户',
  signins: '登录记录',
  attachment: '附件',
  calendar: '工作日历',
  documentNo: '整改通知文号登记',
  kindergartenName: '幼儿园名称登记',
  responsibleUnit: '责任单位',
  planTask: '重点任务',
};

export const categoryOf = (streamId: string): string => streamId.split('-')[0] ?? streamId;

/** Why a stream failed verification. */
export const BREAK_REASON: Record<string, string> = {
  'hash-mismatch': '哈希不符（事件内容被改动）',
  'prev-hash-mismatch': '前序哈希不符（链条被改接）',
  'version-gap': '版本不连续（事件缺失）',
  'attachment-missing': '附件缺失',
  'attachment-altered': '附件被改动',
};

/** The event types of the record, in Chinese (the type name itself is shown beside it: it is what the contract fixes). */
export const EVENT_TYPE: Record<string, string> = {
  KindergartenRegistered: '登记幼儿园',
  KindergartenUpdated: '更正幼儿园信息',
  KindergartenClosed: '幼儿园停办',
  KindergartenNameReserved: '登记幼儿园名称',
  KindergartenNameReleased: '注销幼儿园名称',
  DisclosurePublished: '公示办园信息',
  InspectionScheduled: '安排检查',
  InspectionRescheduled: '调整检查日期',
  InspectionCancelled: '取消检查',
  FindingRecorded: '记录问题',
  FindingAmended: '更正问题',
  FindingWithdrawn: '撤回问题',
  InspectionConcluded: '作出检查结论',
  RectificationNoticeIssued: '下发整改通知',
  DocumentNumberAssigned: '编发文号',
  NoticeAcknowledged: '签收整改通知',
  NoticePublished: '通报整改通知',
  NoticeWithdrawn: '撤销整改通知',
  ExtensionRequested: '申请延期',
  ExtensionGranted: '批准延期',
  ExtensionDenied: '不批准延期',
  RectificationReportSubmitted: '报送整改报告',
  RectificationReportReturned: '退回整改报告',
  RectificationAccepted: '整改报告审核通过',
  FollowUpPassed: '复查合格',
  FollowUpFailed: '复查不合格',
  DeadlineMissed: '逾期未整改',
  DeadlineReset: '重新确定期限',
  ReminderSent: '发送提醒',
  SuspensionProposed: '暂停招生告知',
  StatementSubmitted: '提交陈述申辩',
  StatementWaived: '放弃陈述申辩',
  SuspensionWithdrawn: '撤回暂停招生告知',
  EnrolmentSuspended: '暂停招生',
  EnrolmentReinstated: '恢复招生',
  ResponsibleUnitRegistered: '登记责任单位',
  PlanTaskRegistered: '登记重点任务',
  MonthlyReportSubmitted: '报送月度报告',
  MonthlyReportAmended: '更正月度报告',
  MonthlyReportMissed: '月度报告未报',
  QuarterlyBulletinPublished: '发布季度通报',
  AnnualAssessmentOpened: '启动年度考核',
  CalendarYearPublished: '发布工作日历',
  UserRegistered: '登记用户',
  UserUpdated: '修改用户',
  UserDisabled: '停用用户',
  UserEnabled: '启用用户',
  UserPasswordReset: '重置密码',
  UserPasswordChanged: '修改密码',
  UserSignedIn: '登录',
  UserSignInFailed: '登录失败',
  UserSignedOut: '退出登录',
  AccountLocked: '账号锁定',
  AttachmentUploaded: '上传附件',
  AttachmentRemoved: '清除附件',
};

/** A hash as an auditor compares it: the first characters, the whole on hover and to copy. */
export const ShortHash = ({ value, name }: { value: string; name: string }) => (
  <Typography.Text code copyable={{ text: value, tooltips: [`复制${name}`, '已复制'] }} title={value} style={{ whiteSpace: 'nowrap' }}>
    {value.slice(0, 10)}…
  </Typography.Text>
);

/** JSON as recorded, indented, folded until asked for (a native disclosure: keyboards and screen readers know it). */
export const JsonView = ({ value, summary, open = false }: { value: unknown; summary: string; open?: boolean }) => (
  <details open={open}>
    <summary style={{ cursor: 'pointer' }}>{summary}</summary>
    <pre
      style={{
        margin: '8px 0 0',
        padding: 12,
        background: '#f5f5f5',
        borderRadius: 6,
        maxHeight: 480,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre',
      }}
      // focusable so a keyboard can scroll it; named so a reader knows what it holds
      tabIndex={0}
      role="group"
      aria-label={summary}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  </details>
);
