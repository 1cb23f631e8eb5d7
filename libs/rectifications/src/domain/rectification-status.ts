/** The statuses of a case still open (not closed, not failed): the one list every count and rule of open cases uses. */
export const OPEN_STATUSES = ['issued', 'acknowledged', 'submitted', 'returned'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
/** While the case owes its report, a passing deadline makes it overdue; awaiting review it does not. */
export const OWES_REPORT: readonly OpenStatus[] = ['issued', 'acknowledged', 'returned'];

export const isOpenStatus = (status: string): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status);
export const owesReport = (status: string): boolean => (OWES_REPORT as readonly string[]).includes(status);
