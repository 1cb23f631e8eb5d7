import type { Role } from '../../api/session-types';

export interface MenuEntry {
  readonly path: string;
  readonly label: string;
}

/** Each role's pages, first its home; a page appears here once it exists. */
export const MENU: Record<Role, readonly MenuEntry[]> = {
  supervisor: [
    { path: '/kindergartens', label: '幼儿园' },
    { path: '/inbox', label: '消息' },
  ],
  kindergarten: [{ path: '/inbox', label: '消息' }],
  department: [{ path: '/inbox', label: '消息' }],
  auditor: [{ path: '/inbox', label: '消息' }],
  admin: [
    { path: '/system/users', label: '用户' },
    { path: '/system/kindergartens', label: '幼儿园' },
    { path: '/system/units', label: '单位' },
    { path: '/system/calendar', label: '工作日历' },
    { path: '/inbox', label: '消息' },
  ],
};
