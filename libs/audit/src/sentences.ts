import type { StoredEvent } from '@app/event-sourcing';
import { wallDate, wallTime } from '@app/notifications/domain';

const ROLE_LABELS: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '督学',
  kindergarten: '幼儿园',
  department: '责任单位',
  auditor: '审计人员',
  system: '系统',
};

/** Who did it, as a person reads it: `wang（督学）`, or `系统` for the engine's own acts. */
export const actorLabel = (actor: { sub: string; role: string }): string =>
  actor.role === 'system' ? '系统' : `${actor.sub}（${ROLE_LABELS[actor.role] ?? actor.role}）`;

const KIND_LABELS: Record<string, string> = { annual: '年检', safety: '安全隐患排查', quality: '保教质量监测评估', 'follow-up': '复查' };
const SEVERITY_LABELS: Record<string, string> = { minor: '一般', major: '较重', critical: '严重' };
const OWNERSHIP_LABELS: Record<string, string> = { public: '公办', 'private-inclusive': '普惠性民办', private: '民办' };
const CHANNEL_LABELS: Record<string, string> = { inbox: '站内消息', email: '电子邮件', webhook: '消息推送' };

const recipientLabel = (recipient: string): string => {
  if (recipient === 'supervisors') return '督学';
  const [kind, id] = recipient.split(':');
  return kind === 'kindergarten' ? `幼儿园（${id}）` : kind === 'unit' ? `责任单位（${id}）` : recipient;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event type of the record, read field by field for display only
type Data = Record<string, any>;

/** What each event of the supervision record says, in one Chinese sentence; undefined for an event type it does not know. */
export const describeEvent = (event: StoredEvent): string | undefined => {
  const d = event.data as Data;
  switch (event.type) {
    case 'KindergartenRegistered':
      return `登记幼儿园“${d.name}”（${d.township}，${OWNERSHIP_LABELS[d.ownership] ?? d.ownership}）`;
    case 'DisclosurePublished':
      return `公示办园信息：专任教师${d.teachers}人，保育员${d.caregivers}人，在园幼儿${d.children}人，月保教费${d.monthlyFeeYuan}元`;
    case 'InspectionScheduled':
      return `安排${d.year}年度${KIND_LABELS[d.kind] ?? d.kind}，检查日期${wallDate(d.scheduledOn)}（幼儿园 ${d.kindergartenId}）`;
    case 'FindingRecorded':
      return `记录检查发现的问题 ${d.code}（${SEVERITY_LABELS[d.severity] ?? d.severity}）：${d.description}`;
    case 'InspectionConcluded':
      return `作出检查结论：${d.outcome === 'passed' ? '合格' : '不合格'}。${d.summary}`;
    case 'RectificationNoticeIssued':
      return `下发限期整改通知，整改期限${wallTime(d.dueAt)}${d.publish ? '，并予以通报' : ''}；需整改的问题：${(d.findings as Data[]).map((f) => `${f.code} ${f.description}`).join('；')}`;
    case 'NoticeAcknowledged':
      return '幼儿园确认收到整改通知';
    case 'ExtensionRequested':
      return `申请将整改期限延至${wallTime(d.requestedDueAt)}，理由：${d.reason}`;
    case 'ExtensionGranted':
      return `批准延期，整改期限由${wallTime(d.previousDueAt)}调整为${wallTime(d.dueAt)}。${d.reason}`;
    case 'ExtensionDenied':
      return `不批准延期申请。${d.reason}`;
    case 'RectificationReportSubmitted':
      return `报送第${d.reportNo}次整改报告${d.late ? '（逾期报送）' : ''}${d.evidence?.length ? `，附证明材料${d.evidence.length}件` : ''}：${d.summary}`;
    case 'RectificationReportReturned':
      return `退回第${d.reportNo}次整改报告：${d.comment}`;
    case 'RectificationAccepted':
      return `审核通过第${d.reportNo}次整改报告，整改办结。${d.comment}`;
    case 'FollowUpPassed':
      return `复查合格（复查 ${d.inspectionId}），整改办结`;
    case 'FollowUpFailed':
      return `复查不合格（复查 ${d.inspectionId}），整改后仍不达标`;
    case 'DeadlineMissed':
      return `整改期限${wallTime(d.dueAt)}已过，未报送整改报告，记为逾期`;
    case 'ReminderSent':
      return `通过${CHANNEL_LABELS[d.channel] ?? d.channel}向${recipientLabel(d.recipient)}发送“${d.subject}”`;
    case 'EnrolmentSuspended':
      return `暂停招生，自${wallDate(d.effectiveFrom)}起生效，依据整改事项 ${d.rectificationId}：${d.reason}`;
    case 'EnrolmentReinstated':
      return `恢复招生，依据复查 ${d.inspectionId}：${d.reason}`;
    case 'ResponsibleUnitRegistered':
      return `登记责任单位“${d.name}”`;
    case 'PlanTaskRegistered':
      return `登记实施方案重点任务第${d.taskNo}项“${d.title}”，牵头单位：${(d.leadUnits as string[]).join('、')}`;
    case 'MonthlyReportSubmitted':
      return `责任单位（${d.unitId}）报送${d.period}月度进展报告（${(d.items as Data[]).length}项任务）${d.late ? '，逾期报送' : '，按时报送'}`;
    case 'MonthlyReportMissed':
      return `责任单位（${d.unitId}）未在${wallTime(d.dueAt)}前报送${d.period}月度进展报告，记为未报`;
    case 'QuarterlyBulletinPublished':
      return `发布${d.year}年第${d.quarter}季度督导通报`;
    case 'AnnualAssessmentOpened':
      return `启动${d.year}年度考核，为每所已登记的幼儿园安排年检`;
    case 'AttachmentUploaded':
      return `上传附件《${d.name}》（${Math.max(1, Math.round(d.sizeBytes / 1024))} KB，SHA-256 ${String(d.sha256).slice(0, 12)}…）`;
    case 'AttachmentRemoved':
      return '附件上传后一直未被引用，已清除';
    default:
      return undefined;
  }
};
