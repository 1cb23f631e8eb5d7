/** A problem+json answer (RFC 9457) the engine gave, carried as an error through TanStack Query. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(detail);
  }
}

/** The one table of what each stable problem `code` tells the person, in Chinese. */
const MESSAGES: Record<string, string> = {
  'validation-failed': '填写的内容不符合要求，请检查后重试',
  unauthenticated: '登录已过期，请重新登录',
  'invalid-credentials': '用户名或密码不正确',
  'account-locked': '连续登录失败次数过多，账号已临时锁定，请15分钟后再试',
  'password-change-required': '首次登录，请先修改密码',
  'weak-password': '新密码强度不足：至少10位，包含大写字母、小写字母、数字、符号中的三类，且不得包含用户名或与近期密码相同',
  'csrf-failed': '页面已过期，请刷新后重试',
  forbidden: '您没有权限进行此操作',
  'not-found': '未找到该记录',
  'rate-limited': '访问过于频繁，请稍后再试',
  'payload-too-large': '提交的内容过大',
  'unsupported-media-type': '不支持的内容类型',
  'version-mismatch': '该记录已被他人更新，请刷新后重试',
  'concurrency-conflict': '操作冲突，请稍后重试',
  'invalid-transition': '当前状态下不能进行此操作',
  'store-unavailable': '系统暂时不可用，请稍后再试',
  'kindergarten-exists': '该幼儿园编号已存在',
  'kindergarten-name-exists': '已有同名幼儿园',
  'kindergarten-closed': '该幼儿园已关停',
  'unknown-kindergarten': '幼儿园不存在',
  'unknown-inspection': '检查不存在',
  'unknown-rectification': '整改通知不存在',
  'unknown-finding': '问题编号不属于该检查',
  'unknown-township': '乡镇不存在',
  'unknown-unit': '单位不存在',
  'unknown-attachment': '佐证材料不存在或无权引用',
  'annual-inspection-exists': '该幼儿园本年度已安排年检',
  'scheduled-outside-year': '检查日期须在所选年度内',
  'inspection-concluded': '该检查已作出结论，不能再修改',
  'finding-exists': '该问题编号已登记',
  'failed-without-findings': '结论为不合格时须至少登记一个问题',
  'conclusion-before-scheduled': '结论日期不能早于计划检查日期',
  'inspection-not-failed': '只有结论为不合格的检查才能下发整改通知',
  'rectification-exists': '该检查已下发整改通知',
  'deadline-in-past': '整改期限须晚于当前时间',
  'calendar-unavailable': '所选日期所在年度的法定节假日安排尚未公布，无法按工作日计算期限',
  'extension-pending': '已有延期申请待审批',
  'extension-after-deadline': '已过整改期限，不能申请延期',
  'extension-not-later': '申请的期限须晚于当前整改期限',
  'no-pending-extension': '没有待审批的延期申请',
  'finding-not-addressed': '每个问题都须填写整改措施',
  'follow-up-inspection-required': '须引用本通知下发后已作出结论的复查',
  'follow-up-too-early': '整改报告提交前或期限届满前不能复查',
  'deadline-required': '已过整改期限，退回时须重新设定期限',
  'already-published': '该通知已公开',
  'effective-from-in-past': '生效日期不能早于今天',
  'already-suspended': '该幼儿园已暂停招生',
  'not-suspended': '该幼儿园未暂停招生',
  'suspension-requires-failed-rectification': '须有整改后仍不达标的整改通知',
  'reinstatement-requires-passed-follow-up': '须有暂停后复查合格的记录',
  'suspension-proposed': '已有待决定的暂停招生告知',
  'no-proposal': '没有待决定的暂停招生告知',
  'no-decision': '尚未作出暂停招生决定',
  'statement-period-open': '陈述申辩期限尚未届满',
  'statement-period-over': '陈述申辩期限已过',
  'statement-exists': '已提交陈述申辩',
  'report-exists': '该月报告已提交',
  'period-not-ended': '该期间尚未结束',
  'period-outside-plan': '该月份不在行动计划期间内',
  'task-not-reported': '须填报本单位承担的每一项任务',
  'unknown-task': '行动计划中没有该任务',
  'task-not-assigned': '该任务不属于本单位',
  'bulletin-exists': '本季度通报已发布',
  'invalid-calendar': '节假日安排有误',
  'calendar-year-exists': '该年度安排已存在',
  'user-exists': '用户名已存在',
  'cannot-disable-self': '不能停用自己的账号',
  'idempotency-key-reused': '重复提交的内容不一致',
  'unsupported-file-type': '不支持的文件类型',
};

/** What to tell the person about an error: the Chinese message for its code, else a general one. */
export const problemMessage = (error: unknown): string => {
  if (error instanceof ApiProblem) return MESSAGES[error.code] ?? `操作未成功（${error.code}）`;
  return '网络异常，请检查网络后重试';
};

export const hasMessageFor = (code: string): boolean => code in MESSAGES;
