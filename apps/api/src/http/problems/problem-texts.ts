/** What a problem's Chinese detail may draw on: its extensions (`codes`, `taskNos`, `moreErrors`, …). */
type Extensions = Readonly<Record<string, unknown>>;

/** One problem code's texts: the Chinese title and detail, and the English title where the code alone reads badly. */
export type ProblemText = readonly [zhTitle: string, zhDetail: string | ((extensions: Extensions) => string), enTitle?: string];

const listed = (value: unknown): string => (Array.isArray(value) ? value.join('、') : typeof value === 'string' ? value : '');
/** A case's status as the timeline says it. */
const CASE_STATUSES: Readonly<Record<string, string>> = {
  issued: '已下发、尚未签收',
  acknowledged: '已签收',
  submitted: '已提交整改报告、等待审核',
  returned: '已退回重新整改',
  closed: '已结案',
  failed: '整改后仍不达标',
  withdrawn: '已撤销',
};

const INSPECTION_STATUSES: Readonly<Record<string, string>> = { scheduled: '尚未作出结论', concluded: '已作出结论', cancelled: '已取消' };

/** Where the case or inspection a refused transition addressed stands, when the problem says. */
const whereItStands = (p: Extensions): string => {
  if (typeof p.caseStatus === 'string') return `整改案件当前${CASE_STATUSES[p.caseStatus] ?? `为 ${p.caseStatus}`}，不能进行此操作`;
  if (typeof p.inspectionStatus === 'string') return `该检查${INSPECTION_STATUSES[p.inspectionStatus] ?? `为 ${p.inspectionStatus}`}，不能进行此操作`;
  return '记录当前的状态不允许此操作';
};

/** `sentence：a、b` when the problem names them, else the sentence alone. */
const naming = (key: string, sentence: string) => (extensions: Extensions) =>
  listed(extensions[key]) ? `${sentence}：${listed(extensions[key])}` : sentence;

/**
 * Every problem code the engine answers with, and its texts. A new code is one line here; the test
 * `tests/api/problems-in-chinese.e2e.spec.ts` lists every code the engine can answer that has no line.
 */
export const PROBLEM_TEXTS: Readonly<Record<string, ProblemText>> = {
  // the HTTP edge and the framework
  'validation-failed': [
    '请求内容无效',
    (p) => `请求内容不符合要求，请按 errors 中列出的字段修改${typeof p.moreErrors === 'number' ? `；仅列出前 20 项，另有 ${p.moreErrors} 项` : ''}`,
    'The request is not valid',
  ],
  unauthenticated: ['需要登录', '未登录、登录已失效或令牌无效，请重新登录', 'Authentication required'],
  forbidden: ['无权操作', '当前用户的角色不能进行此操作', 'Not allowed for this role'],
  'not-found': ['未找到', '要访问的内容不存在，或您无权查看', 'Not found'],
  'method-not-allowed': ['不支持该请求方法', '该地址不支持此请求方法'],
  conflict: ['与当前状态冲突', '请求与记录的当前状态冲突'],
  'client-error': ['请求有误', '请求有误，未能处理'],
  'version-mismatch': ['记录已被修改', '该记录在您查看之后已被修改（If-Match 所给版本已不是当前版本），请刷新后重试', 'The resource has changed'],
  'payload-too-large': ['请求内容过大', '请求内容超过允许的大小', 'The request body is too large'],
  'uri-too-long': ['网址过长', '网址中的参数超过任何编号的长度', 'The URL is too long'],
  'headers-too-large': ['请求头过大', '请求头超过服务器接受的大小', 'The request headers are too large'],
  'request-timeout': ['请求超时', '请求未能在规定时间内完整送达', 'The request took too long to arrive'],
  'unsupported-media-type': ['不支持的内容类型', '请以 JSON 格式提交（Content-Type: application/json）', 'Unsupported media type'],
  'rate-limited': ['请求过于频繁', '同一地址每分钟的请求次数已达上限，请按 Retry-After 所示的秒数稍后再试', 'Too many requests'],
  'idempotency-key-reused': [
    '幂等键已被其他请求使用',
    '该 Idempotency-Key 已用于内容不同的请求，请换用新的键',
    'The idempotency key was used with another request',
  ],
  'idempotency-key-in-progress': [
    '相同幂等键的请求仍在处理中',
    '使用该 Idempotency-Key 的请求尚未完成，请稍后重试',
    'A request with this idempotency key is still in progress',
  ],
  'concurrency-conflict': ['同时修改过多', '该记录正被同时修改，请重试', 'Too many concurrent changes; try again'],
  'store-unavailable': ['数据存储暂时不可用', '数据存储暂时不可用，请 5 秒后重试（使用相同的 Idempotency-Key）'],
  'console-not-built': ['网页控制台尚未构建', '网页控制台尚未构建，请运行 npm start（或 npm run console:build）'],
  'internal-error': ['服务器内部错误', '服务器出现错误；请将响应头中的关联编号（X-Correlation-Id）告知管理员', 'Internal error'],
  'invalid-transition': ['当前状态下不能进行此操作', (p) => whereItStands(p), 'Not possible in the current state'],
  'calendar-unavailable': [
    '缺少官方节假日安排',
    '所涉年份尚无国务院公布的节假日安排，无法计算工作日；请管理员补充该年度日历，或直接指定截止时间',
    'No official calendar for that year',
  ],
  // accounts and sign-in
  'invalid-credentials': ['用户名或密码错误', '用户名或密码错误', 'The username or password is not right'],
  'account-locked': ['账号已锁定', '登录失败次数过多，账号已锁定，请 15 分钟后再试', 'Too many failed sign-ins'],
  'weak-password': [
    '密码强度不足',
    '新密码至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类，不得包含用户名，且不得与当前密码或前两次密码相同',
    'The new password is too weak',
  ],
  'csrf-failed': ['请求校验失败', '缺少或错误的 X-CSRF-Token，请刷新页面后重试', 'The CSRF token is missing or wrong'],
  'password-change-required': ['请先修改密码', '首次登录或密码重置后，须先修改密码才能继续', 'The password must be changed first'],
  'user-exists': ['用户已存在', '该用户名已被使用'],
  'cannot-disable-self': ['不能停用自己的账号', '管理员不能停用自己的账号'],
  'oidc-provider-unavailable': ['统一身份认证暂不可用', '无法连接统一身份认证服务，请稍后再试'],
  'oidc-state-mismatch': ['登录已失效', '本浏览器没有与此对应的待完成登录（未发起、已过期或已使用），请重新登录'],
  'oidc-sign-in-refused': ['统一身份认证拒绝了登录', '统一身份认证服务拒绝了本次登录'],
  'oidc-code-rejected': ['授权码无效', '统一身份认证服务不接受本次授权码（已使用、已过期或不属于本次登录），请重新登录'],
  'oidc-id-token-rejected': ['身份令牌无效', '统一身份认证返回的身份令牌未通过校验，请重新登录'],
  'unknown-user': ['用户不存在', '没有与该登录身份对应的已启用用户'],
  'unknown-township': ['乡镇不存在', '所填乡镇不是本县登记的乡镇'],
  // kindergartens and enrolment
  'kindergarten-exists': ['幼儿园已登记', '该编号的幼儿园已经登记'],
  'kindergarten-name-exists': ['幼儿园名称重复', '已有同名的幼儿园'],
  'kindergarten-closed': ['幼儿园已关闭', '该幼儿园已关闭，不能再安排检查'],
  'unknown-kindergarten': ['幼儿园不存在', '所引用的幼儿园尚未登记'],
  'effective-from-in-past': ['生效日期已过', '暂停招生的生效日期须为今天或以后'],
  'already-suspended': ['已暂停招生', '该幼儿园已处于暂停招生状态'],
  'not-suspended': ['未暂停招生', '该幼儿园未处于暂停招生状态'],
  'suspension-requires-failed-rectification': ['暂停招生须依据整改不达标的案件', '所引用的整改案件须属于该幼儿园，且状态为整改后仍不达标'],
  'reinstatement-requires-passed-follow-up': ['恢复招生须依据通过的复查', '所引用的检查须是该幼儿园在暂停招生之后结论为合格的复查'],
  'suspension-proposed': ['已有待决定的暂停招生告知', '该幼儿园已有一份待决定的暂停招生告知'],
  'no-proposal': ['没有待决定的暂停招生告知', '该幼儿园没有待决定的暂停招生告知'],
  'no-decision': ['没有暂停招生决定', '尚未就该幼儿园的暂停招生告知作出决定'],
  'statement-period-open': ['陈述申辩期尚未届满', '陈述申辩期届满前，除非幼儿园已陈述申辩或放弃，不能作出决定'],
  'statement-period-over': ['陈述申辩期已届满', '陈述申辩期已届满，不能再提交陈述申辩'],
  'statement-exists': ['已提交陈述申辩', '每份告知只能提交一次陈述申辩'],
  // inspections
  'unknown-inspection': ['检查不存在', '所引用的检查不存在'],
  'annual-inspection-exists': ['年检已安排', '该幼儿园本年度的年检已经安排'],
  'inspection-exists': ['检查已存在', '该检查已经安排'],
  'inspection-concluded': ['检查已有结论', '该检查已作出结论，不能再修改'],
  'finding-exists': ['问题已记录', '该问题编号已在本次检查中记录'],
  'failed-without-findings': ['没有问题不能判定不合格', '判定不合格须至少记录一个问题'],
  'scheduled-outside-year': ['检查日期不在该年度', '检查日期须在所填年度之内'],
  'conclusion-before-scheduled': ['结论早于检查日期', '不能在计划检查日期之前作出结论'],
  // rectification cases
  'unknown-rectification': ['整改案件不存在', '所引用的整改案件不存在'],
  'unknown-finding': ['问题不存在', naming('codes', '所引用的问题编号不在检查或通知中')],
  'inspection-not-failed': ['检查结论不是不合格', '只能依据该幼儿园结论为不合格的检查下发整改通知'],
  'rectification-exists': ['整改通知已下发', '该检查已经下发过整改通知'],
  'deadline-in-past': ['整改期限已过', '整改期限须在将来'],
  'deadline-required': ['须设定新的整改期限', '在整改期限届满后退回整改报告，须同时设定新的整改期限'],
  'extension-pending': ['延期申请待审批', '已有一份延期申请等待审批'],
  'extension-after-deadline': ['已过整改期限', '整改期限已过，不能再申请延期'],
  'extension-not-later': ['延期日期须晚于原期限', '申请的截止时间须晚于当前的整改期限'],
  'no-pending-extension': ['没有待审批的延期申请', '没有等待审批的延期申请'],
  'finding-not-addressed': ['有问题未回应', naming('codes', '整改报告须逐项回应通知中的每个问题；尚未回应')],
  'follow-up-inspection-required': ['须依据复查', '须引用该幼儿园在通知下发之后作出结论的复查'],
  'follow-up-too-early': ['尚不能复查', '只有幼儿园已提交整改报告或已逾期时，才能依据复查结案'],
  'already-published': ['已经公示', '该整改通知已经公示'],
  'unknown-attachment': ['附件不存在', '所引用的附件不存在，或不能在此引用'],
  'attachment-exists': ['附件已登记', '该附件已经登记'],
  'unsupported-file-type': ['不支持的文件类型', '仅支持 JPEG、PNG、WebP、HEIC、PDF、DOCX、XLSX、MP4 文件（按文件内容识别）'],
  // plan supervision
  'unknown-unit': ['责任单位不存在', naming('unitIds', '所引用的责任单位尚未登记')],
  'unknown-task': ['任务不存在', naming('taskNos', '方案中没有该任务')],
  'task-not-assigned': ['任务未分配给本单位', naming('taskNos', '本单位既不是下列任务的牵头单位，也不是责任单位')],
  'task-not-reported': ['有任务未报告', naming('taskNos', '月报须涵盖分配给本单位的每项任务；尚未报告')],
  'report-exists': ['本月报告已提交', '本单位已提交该月的进展报告'],
  'period-not-ended': ['期间尚未结束', '所填月份或季度尚未结束'],
  'period-outside-plan': ['月份不在方案期间内', '报告月份须在 2023-01 至上一个已结束的月份之间'],
  'bulletin-exists': ['本季度通报已发布', '该季度的通报已经发布'],
  'task-exists': ['任务已登记', '该任务已经登记'],
  'unit-exists': ['责任单位已登记', '该责任单位已经登记'],
  // calendar administration
  'invalid-calendar': ['日历数据无效', '日期须在该年度内；同一日期不能既是假日又是调休上班日；调休上班日须是周末；每段假期不能只有周末'],
  'calendar-year-exists': ['该年度日历已存在', '该年度已有日历数据；如要替换，请同时提交 "replace": true'],
};
