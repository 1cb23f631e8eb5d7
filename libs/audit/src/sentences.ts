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

/** Who did it, as a person reads it: `王督学（督学）` (the directory's name; the id for events recorded before names), or `系统`. */
export const actorLabel = (actor: { sub: string; role: string; name?: string }): string =>
  actor.role === 'system' ? '系统' : `${actor.name ?? actor.sub}（${ROLE_LABELS[actor.role] ?? actor.role}）`;

const FAILURE_LABELS: Record<string, string> = {
  'unknown-user': '用户名不存在',
  'wrong-password': '密码错误',
  disabled: '账号已停用',
  'service-account': '接口账号不能登录',
  locked: '账号已锁定',
};

const scopeLabel = (d: Data): string =>
  d.kindergartenId ? `，所属幼儿园 ${d.kindergartenId}` : d.unitId ? `，所属责任单位 ${d.unitId}` : d.townships ? `，责任区 ${(d.townships as string[]).join('、')}` : '';

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

/** `，附N份佐证材料` when a monthly report cites uploads. */
const attachedCount = (d: Data): string => (Array.isArray(d.evidence) && d.evidence.length > 0 ? `，附${d.evidence.length}份佐证材料` : '');

/** What each event of the supervision record says, in one Chinese sentence; undefined for an event type it does not know. */
export const describeEvent = (event: StoredEvent): string | undefined => {
  const d = event.data as Data;
  switch (event.type) {
    case 'KindergartenRegistered':
      return `登记幼儿园“${d.name}”（${d.township}，${OWNERSHIP_LABELS[d.ownership] ?? d.ownership}）`;
    case 'KindergartenUpdated':
      return `更正幼儿园登记信息：名称“${d.name}”，所属乡镇${d.township}，${OWNERSHIP_LABELS[d.ownership] ?? d.ownership}（原为“${d.previous?.name}”，${d.previous?.township}，${OWNERSHIP_LABELS[d.previous?.ownership] ?? d.previous?.ownership}）`;
    case 'KindergartenClosed':
      return `幼儿园自${wallDate(d.closedOn)}起停办，理由：${d.reason}`;
    case 'KindergartenNameReserved':
      return `登记幼儿园名称“${d.name}”（幼儿园 ${d.kindergartenId}）`;
    case 'KindergartenNameReleased':
      return `注销幼儿园名称“${d.name}”（幼儿园 ${d.kindergartenId} 已更名）`;
    case 'DisclosurePublished':
      return `公示办园信息：专任教师${d.teachers}人，保育员${d.caregivers}人，在园幼儿${d.children}人，月保教费${d.monthlyFeeYuan}元`;
    case 'InspectionScheduled':
      return `安排${d.year}年度${KIND_LABELS[d.kind] ?? d.kind}，检查日期${wallDate(d.scheduledOn)}（幼儿园 ${d.kindergartenId}）`;
    case 'FindingRecorded':
      return `记录检查发现的问题 ${d.code}（${SEVERITY_LABELS[d.severity] ?? d.severity}）：${d.description}`;
    case 'InspectionConcluded':
      return `作出检查结论：${d.outcome === 'passed' ? '合格' : '不合格'}。${d.summary}`;
    case 'RectificationNoticeIssued':
      return `${d.documentNo ? `【${d.documentNo}】` : ''}下发限期整改通知，整改期限${wallTime(d.dueAt)}${d.publish ? '，并予以通报' : ''}；需整改的问题：${(d.findings as Data[]).map((f) => `${f.code} ${f.description}`).join('；')}`;
    case 'InspectionRescheduled':
      return `检查日期由${wallDate(d.previousScheduledOn)}改为${wallDate(d.scheduledOn)}，理由：${d.reason}`;
    case 'InspectionCancelled':
      return `取消检查，理由：${d.reason}`;
    case 'FindingAmended':
      return `更正检查发现的问题 ${d.code}（${SEVERITY_LABELS[d.severity] ?? d.severity}）：${d.description}`;
    case 'FindingWithdrawn':
      return `撤回检查发现的问题 ${d.code}，理由：${d.reason}`;
    case 'DocumentNumberAssigned':
      return `编发文号${d.documentNo}（整改事项 ${d.rectificationId}）`;
    case 'DeadlineReset':
      return `重新确定整改期限，由${wallTime(d.previousDueAt)}调整为${wallTime(d.dueAt)}。${d.reason}`;
    case 'NoticePublished':
      return '将整改通知予以通报（公示）';
    case 'NoticeWithdrawn':
      return `撤销整改通知，理由：${d.reason}`;
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
    case 'SuspensionProposed':
      return `告知拟自${wallDate(d.proposedFrom)}起暂停招生（第${d.proposalNo}次告知，依据整改事项 ${d.rectificationId}），陈述申辩期限至${wallTime(d.statementDueAt)}。事实和理由：${d.facts}；依据：${d.basis}`;
    case 'StatementSubmitted':
      return `幼儿园提交陈述申辩意见${(d.attachmentIds as string[]).length > 0 ? `（附${(d.attachmentIds as string[]).length}份材料）` : ''}：${d.text}`;
    case 'StatementWaived':
      return `幼儿园声明放弃陈述申辩（第${d.proposalNo}次告知）`;
    case 'SuspensionWithdrawn':
      return `撤回暂停招生告知（第${d.proposalNo}次告知），决定不暂停招生：${d.reason}`;
    case 'EnrolmentReinstated':
      return `恢复招生，依据复查 ${d.inspectionId}：${d.reason}`;
    case 'ResponsibleUnitRegistered':
      return `登记责任单位“${d.name}”`;
    case 'PlanTaskRegistered':
      return `登记实施方案重点任务第${d.taskNo}项“${d.title}”，牵头单位：${(d.leadUnits as string[]).join('、')}`;
    case 'MonthlyReportSubmitted':
      return `责任单位（${d.unitId}）报送${d.period}月度进展报告（${(d.items as Data[]).length}项任务${attachedCount(d)}）${d.late ? '，逾期报送' : '，按时报送'}`;
    case 'MonthlyReportMissed':
      return `责任单位（${d.unitId}）未在${wallTime(d.dueAt)}前报送${d.period}月度进展报告，记为未报`;
    case 'MonthlyReportAmended':
      return `责任单位（${d.unitId}）更正${d.period}月度进展报告（${(d.items as Data[]).length}项任务${attachedCount(d)}），原报告保留`;
    case 'CalendarYearPublished':
      return `${d.replaced ? '更正' : '发布'}${d.year}年工作日历（${d.source}）：放假${(d.holidays as string[]).length}天，调休上班${(d.makeUpWorkdays as string[]).length}天`;
    case 'QuarterlyBulletinPublished':
      return `发布${d.year}年第${d.quarter}季度督导通报`;
    case 'AnnualAssessmentOpened':
      return `启动${d.year}年度考核，为每所已登记的幼儿园安排年检`;
    case 'UserRegistered':
      return `登记用户“${d.name}”（${d.userId}，${ROLE_LABELS[d.role] ?? d.role}${scopeLabel(d)}${d.serviceAccount ? '，接口账号' : ''}）`;
    case 'UserUpdated':
      return `修改用户“${d.name}”（${d.userId}）的信息：${ROLE_LABELS[d.role] ?? d.role}${scopeLabel(d)}`;
    case 'UserDisabled':
      return `停用用户 ${d.userId}`;
    case 'UserEnabled':
      return `启用用户 ${d.userId}`;
    case 'UserPasswordReset':
      return `重置用户 ${d.userId} 的密码（首次登录须修改）`;
    case 'UserPasswordChanged':
      return `用户 ${d.userId} 修改了密码`;
    case 'UserSignedIn':
      return `用户 ${d.userId} 登录${d.method === 'oidc' ? '（统一身份认证）' : ''}`;
    case 'UserSignInFailed':
      return `用户名“${d.username}”登录失败：${FAILURE_LABELS[d.reason] ?? d.reason}`;
    case 'UserSignedOut':
      return `用户 ${d.userId} 退出登录`;
    case 'AccountLocked':
      return `用户名“${d.username}”连续登录失败，锁定至${wallTime(d.lockedUntil)}`;
    case 'AttachmentUploaded':
      return `上传附件《${d.name}》（${Math.max(1, Math.round(d.sizeBytes / 1024))} KB，SHA-256 ${String(d.sha256).slice(0, 12)}…）`;
    case 'AttachmentRemoved':
      return '附件上传后一直未被引用，已清除';
    default:
      return undefined;
  }
};
