import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState, emptyText } from '../../../components/page-state';
import { ENROLMENT_STATUS, OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { useKindergartens, useTownships } from '../api';

/** 幼儿园: the register filtered by township, paged by the API. */
export const KindergartenList = () => {
  const [township, setTownship] = useState<string | undefined>();
  const townships = useTownships();
  const query = useKindergartens(township);
  const townshipName = (id: string) => townships.data?.items.find((item) => item.id === id)?.name ?? id;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        幼儿园
      </Typography.Title>
      <Select
        aria-label="按乡镇筛选"
        placeholder="全部乡镇"
        allowClear
        style={{ maxWidth: 240 }}
        loading={townships.isPending}
        value={township}
        onChange={setTownship}
        options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
      />
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
                  render: (value: string) => (
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
