import { Alert, Button, Empty, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { problemMessage } from '../api/problems';

export const PageLoading = ({ label = '正在加载…' }: { label?: string }) => (
  <Flex justify="center" align="center" style={{ padding: 48 }} role="status" aria-live="polite">
    <Spin description={label} />
  </Flex>
);

export const PageError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <Alert
    type="error"
    showIcon
    title="加载失败"
    description={problemMessage(error)}
    action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
  />
);

export const PageEmpty = ({ children }: { children: ReactNode }) => <Empty description={children} />;

/** The loading, error and empty states every page shows the same way; `children` renders the data. */
export const QueryState = <T,>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) => {
  if (query.isPending) return <PageLoading />;
  if (query.error || query.data === undefined) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <PageEmpty>{empty}</PageEmpty>;
  return <>{children(query.data)}</>;
};

/** A column of cards (phone first), or the empty state. */
export const CardList = <T,>({ items, empty, children }: { items: readonly T[]; empty: ReactNode; children: (item: T) => ReactNode }) =>
  items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
  ) : (
    <Flex vertical gap={12}>
      {items.map(children)}
    </Flex>
  );

/** A table's or list's empty state, legible (Ant Design's default placeholder text is too faint for WCAG AA). */
export const emptyText = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
