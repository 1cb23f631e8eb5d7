const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一: the numbering of an official document's items. */
export const chineseNumber = (n: number): string => {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
};

/** `2026-12-03…` (a date, or a time the engine wrote in +08:00) → 2026年12月3日. */
export const chineseDate = (text: string): string => {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

export const OWNERSHIP_LABELS: Readonly<Record<string, string>> = { public: '公办', 'private-inclusive': '普惠性民办', private: '民办' };
export const SEVERITY_LABELS: Readonly<Record<string, string>> = { minor: '一般', major: '较重', critical: '严重' };
export const CASE_STATUS_LABELS: Readonly<Record<string, string>> = {
  issued: '已下达',
  acknowledged: '已签收',
  submitted: '待审核',
  returned: '已退回',
  closed: '已办结',
  failed: '整改不达标',
  withdrawn: '已撤销',
};
export const OUTCOME_LABELS: Readonly<Record<string, string>> = { passed: '合格', failed: '不合格', pending: '待定' };
export const REPORT_STANDING_LABELS: Readonly<Record<string, string>> = { 'on-time': '按时', late: '逾期', missing: '未报', pending: '待报' };
