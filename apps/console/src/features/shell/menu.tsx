import type { Role } from '../../api/session-types';

export interface MenuEntry {
  readonly path: string;
  readonly label: string;
}

/** Each role's pages, first its home; a page appears here once it exists. */
export const MENU: Record<Role, readonly MenuEntry[]> = {
  supervisor: [
    { path: '/dashboard', label: '概览' },
    { path: '/kindergartens', label: '幼儿园' },
    { path: '/inspections/schedule', label: '按乡镇安排检查' },
    { path: '/plan-supervision/monthly-reports', label: '月报督查' },
    { path: '/bulletins', label: '季度通报' },
    { path: '/annual-assessments', label: '年度考核' },
    { path: '/inbox', label: '消息' },
  ],
  kindergarten: [
    { path: '/owed', label: '待办' },
    { path: '/disclosure', label: '信息公示' },
    { path: '/inbox', label: '消息' },
  ],
  department: [
    { path: '/plan', label: '我的任务' },
    { path: '/monthly-reports', label: '月报' },
    { path: '/inbox', label: '消息' },
  ],
  auditor: [
    { path: '/audit/streams', label: '事件流' },
    { path: '/audit/verification', label: '验证' },
    { path: '/audit/sign-ins', label: '登录日志' },
    { path: '/audit/export', label: '导出' },
    { path: '/dashboard', label: '概览' },
    { path: '/inbox', label: '消息' },
  ],
  admin: [
    { path: '/system/users', label: '用户' },
    { path: '/system/kindergartens', label: '幼儿园' },
    { path: '/system/units', label: '单位' },
    { path: '/system/calendar', label: '工作日历' },
    { path: '/dashboard', label: '概览' },
    { path: '/inbox', label: '消息' },
  ],
};
