import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, InputNumber, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { NavButton } from '../../../components/nav-button';
import { QueryState, emptyText } from '../../../components/page-state';
import { label } from '../../../lib/labels';
import type { Dayjs } from 'dayjs';
import { useStateAsOf, useStreamEvents, type AsOf, type EventEnvelope } from '../api';
import { EVENT_TYPE, JsonView, STREAM_CATEGORY, ShortHash, actorText, categoryOf, formatInstant } from '../record-parts';

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** A stream's events exactly as recorded: order, time, actor, data, and their place in the hash chain. */
export const StreamPage = () => {
  const { streamId = '' } = useParams();
  const query = useStreamEvents(streamId);
  const encoded = encodeURIComponent(streamId);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {label(STREAM_CATEGORY, categoryOf(streamId))} {streamId}
        </Typography.Title>
        <Flex gap={8} wrap>
          <NavButton to={`/audit/streams/${encoded}/timeline`} type="primary">
            查看时间线
          </NavButton>
          <NavButton to={`/audit/verification?streamId=${encoded}`}>验证此事件流</NavButton>
        </Flex>
      </Flex>
      <QueryState query={query}>
        {(pages) => (
          <Card size="small" title={heading('事件')}>
            <Table<EventEnvelope>
              rowKey="version"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={pages.pages.flatMap((page) => page.items)}
              locale={{ emptyText: emptyText('该事件流没有事件') }}
              expandable={{
                expandedRowRender: (event) => (
                  <Flex vertical gap={8}>
                    <JsonView value={event.data} summary="事件数据" open />
                    <JsonView value={event.metadata} summary="元数据（操作人、时间、命令与关联编号）" />
                    <Typography.Text type="secondary">
                      事件编号 {event.id}，数据格式第 {event.schemaVersion} 版
                    </Typography.Text>
                  </Flex>
                ),
              }}
              columns={[
                { title: '版本', dataIndex: 'version', align: 'right' },
                { title: '全局位置', dataIndex: 'position', align: 'right' },
                {
                  title: '类型',
                  dataIndex: 'type',
                  render: (type: string) => (
                    <Flex vertical>
                      <span>{label(EVENT_TYPE, type)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {type}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: '记录时间', dataIndex: 'recordedAt', render: formatInstant },
                { title: '操作人', key: 'actor', render: (_, event) => actorText(event.metadata.actor) },
                { title: '哈希', dataIndex: 'hash', render: (hash: string) => <ShortHash value={hash} name="哈希" /> },
                { title: '前序哈希', dataIndex: 'prevHash', render: (hash: string) => <ShortHash value={hash} name="前序哈希" /> },
              ]}
            />
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ marginTop: 12 }}>
                加载更多事件
              </Button>
            )}
          </Card>
        )}
      </QueryState>
      <StateAsOfCard streamId={streamId} />
    </Flex>
  );
};

interface AsOfForm {
  by: 'version' | 'at';
  version?: number;
  at?: Dayjs;
}

/** The wall time picked, read as Beijing time whatever the browser's zone: `YYYY-MM-DDTHH:mm:ss+08:00`. */
const beijing = (picked: Dayjs): string => `${picked.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

/** The aggregate's state after a chosen version, or as the record stood at a chosen moment, rebuilt by the engine. */
const StateAsOfCard = ({ streamId }: { streamId: string }) => {
  const [asOf, setAsOf] = useState<AsOf | undefined>();
  const [form] = Form.useForm<AsOfForm>();
  const by = Form.useWatch('by', form) ?? 'version';
  const query = useStateAsOf(streamId, asOf);
  const submit = (values: AsOfForm) => setAsOf(values.by === 'version' ? { version: values.version! } : { at: beijing(values.at!) });
  return (
    <Card size="small" title={heading('某一时刻的状态')}>
      <Form form={form} layout="vertical" initialValues={{ by: 'version' }} onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item label="查询方式" name="by">
          <Radio.Group
            options={[
              { value: 'version', label: '按版本' },
              { value: 'at', label: '按时间（北京时间）' },
            ]}
          />
        </Form.Item>
        {by === 'version' ? (
          <Form.Item label="版本号" name="version" rules={[{ required: true, message: '请输入版本号' }]}>
            <InputNumber min={1} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Form.Item label="时间" name="at" rules={[{ required: true, message: '请选择时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" placeholder="选择日期和时间" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={query.isFetching}>
          查询状态
        </Button>
      </Form>
      {query.error ? (
        <Alert type="error" showIcon title={problemMessage(query.error)} style={{ marginTop: 16 }} />
      ) : (
        query.data && (
          <Flex vertical gap={8} style={{ marginTop: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'version', label: '状态所在版本', children: query.data.version === 0 ? '尚无事件' : `第 ${query.data.version} 版` },
                { key: 'asOf', label: '截至', children: formatInstant(query.data.asOf) },
              ]}
            />
            <JsonView value={query.data.state} summary="状态" open />
          </Flex>
        )
      )}
    </Card>
  );
};
