/** The Chinese names of the contract's enumerations, as the county says them (product.md's glossary). */
export const CASE_STATUS: Record<string, string> = {
  issued: '已下发',
  acknowledged: '已签收',
  submitted: '已提交整改报告',
  returned: '已退回重新整改',
  closed: '已办结',
  failed: '整改后仍不达标',
  withdrawn: '已撤销',
};

/** Tag colours dark enough for white text (WCAG AA), by meaning. */
export const TAG_COLOR = {
  info: '#0958d9',
  progress: '#006d75',
  review: '#531dab',
  warning: '#ad4e00',
  success: '#237804',
  danger: '#a8071a',
  neutral: '#595959',
} as const;

export const CASE_STATUS_COLOR: Record<string, string> = {
  issued: TAG_COLOR.info,
  acknowledged: TAG_COLOR.progress,
  submitted: TAG_COLOR.review,
  returned: TAG_COLOR.warning,
  closed: TAG_COLOR.success,
  failed: TAG_COLOR.danger,
  withdrawn: TAG_COLOR.neutral,
};

export const OWNERSHIP: Record<string, string> = {
  public: '公办',
  'private-inclusive': '普惠性民办',
  private: '民办',
};

export const ENROLMENT_STATUS: Record<string, string> = { open: '正常招生', suspended: '暂停招生' };

export const OUTCOME: Record<string, string> = { passed: '合格', failed: '不合格' };

export const INSPECTION_KIND: Record<string, string> = {
  annual: '年检',
  safety: '安全隐患排查',
  quality: '保教质量监测评估',
  'follow-up': '复查',
};

export const ROLE: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '督学',
  kindergarten: '幼儿园',
  department: '责任单位',
  auditor: '审计',
};

export const label = (table: Record<string, string>, value: string | null | undefined): string => (value ? (table[value] ?? value) : '—');
