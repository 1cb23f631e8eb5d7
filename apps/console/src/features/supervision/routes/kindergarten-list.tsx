import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { NavButton } from '../../../components/nav-button';
import { QueryState, emptyText } from '../../../components/page-state';
import { ENROLMENT_STATUS, OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { useKindergartens, useTownships, type KindergartenFilter } from '../api';
import { DownloadLink } from '../components/download-link';

/** 幼儿园: the register searched by name and filtered by township and enrolment, paged by the API. */
export const KindergartenList = () => {
  const [filter, setFilter] = useState<KindergartenFilter>({});
  const townships = useTownships();
  const query = useKindergartens(filter);
  const townshipName = (id: string) => townships.data?.items.find((item) => item.id === id)?.name ?? id;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          幼儿园
        </Typography.Title>
        <Flex gap={8} wrap>
          <NavButton to="/inspections/schedule">按乡镇安排检查</NavButton>
          <DownloadLink href="/api/v1/exports/kindergartens.xlsx">导出幼儿园名册</DownloadLink>
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          aria-label="按名称搜索"
          placeholder="幼儿园名称"
          allowClear
          style={{ maxWidth: 260 }}
          onSearch={(value) => setFilter((current) => ({ ...current, q: value.trim() || undefined }))}
        />
        <Select
          aria-label="按乡镇筛选"
          placeholder="全部乡镇"
          allowClear
          style={{ width: 160 }}
          loading={townships.isPending}
          value={filter.township}
          onChange={(township?: string) => setFilter((current) => ({ ...current, township }))}
          options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
        />
        <Select
          aria-label="按招生状态筛选"
          placeholder="全部招生状态"
          allowClear
          style={{ width: 160 }}
          value={filter.enrolmentStatus}
          onChange={(enrolmentStatus?: 'open' | 'suspended') => setFilter((current) => ({ ...current, enrolmentStatus }))}
          options={Object.entries(ENROLMENT_STATUS).map(([value, text]) => ({ value, label: text }))}
        />
      </Flex>
      <QueryState query={query}>
        {(pages) => (
          <>
            <Table
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={pages.pages.flatMap((page) => page.items)}
              locale={{ emptyText: emptyText('没有符合条件的幼儿园') }}
              columns={[
                { title: '名称', dataIndex: 'name', render: (name: string, row) => <Link to={`/kindergartens/${row.id}`}>{name}</Link> },
                { title: '乡镇', dataIndex: 'township', render: townshipName },
                { title: '办园性质', dataIndex: 'ownership', render: (value: string) => label(OWNERSHIP, value) },
                {
                  title: '招生状态',
                  dataIndex: 'enrolmentStatus',
                  render: (value: string, row) =>
                    row.closed ? (
                      <Tag color={TAG_COLOR.neutral}>已关停</Tag>
                    ) : (
                      <Tag color={value === 'suspended' ? TAG_COLOR.danger : TAG_COLOR.success}>{label(ENROLMENT_STATUS, value)}</Tag>
                    ),
                },
                { title: '未办结整改', dataIndex: 'openRectifications' },
              ]}
            />
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                加载更多
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Flex>
  );
};
