import { Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryState, emptyText } from '../../../components/page-state';
import { label } from '../../../lib/labels';
import { useStreams } from '../api';
import { STREAM_CATEGORY, categoryOf } from '../record-parts';

const streamPath = (streamId: string) => `/audit/streams/${encodeURIComponent(streamId)}`;

/** 事件流: every stream of the record, by category, with its version; paged by the API. */
export const StreamList = () => {
  const [category, setCategory] = useState<string | undefined>();
  const query = useStreams(category);
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        事件流
      </Typography.Title>
      <Flex gap={16} wrap>
        <Form layout="inline" onValuesChange={(changed: { category?: string }) => setCategory(changed.category)}>
          <Form.Item label="流类别" name="category">
            <Select
              placeholder="全部类别"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              options={Object.entries(STREAM_CATEGORY).map(([value, name]) => ({ value, label: name }))}
            />
          </Form.Item>
        </Form>
        <Form layout="inline" onFinish={({ streamId }: { streamId: string }) => void navigate(streamPath(streamId.trim()))}>
          <Form.Item label="流编号" name="streamId" rules={[{ required: true, whitespace: true, message: '请输入流编号' }]}>
            <Input placeholder="如 rectification-…" style={{ width: 300 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">打开</Button>
          </Form.Item>
        </Form>
      </Flex>
      <QueryState query={query}>
        {(pages) => (
          <>
            <Table
              rowKey="streamId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={pages.pages.flatMap((page) => page.items)}
              locale={{ emptyText: emptyText('没有该类别的事件流') }}
              columns={[
                {
                  title: '流编号',
                  dataIndex: 'streamId',
                  render: (streamId: string) => <Link to={streamPath(streamId)}>{streamId}</Link>,
                },
                { title: '类别', key: 'category', render: (_, row) => label(STREAM_CATEGORY, categoryOf(row.streamId)) },
                { title: '版本', dataIndex: 'version', align: 'right' },
              ]}
            />
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'start' }}>
                加载更多
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Flex>
  );
};
