import { Button, DatePicker, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryState, emptyText } from '../../../components/page-state';
import { TAG_COLOR, label } from '../../../lib/labels';
import { dayjs, today } from '../../../lib/time';
import { useSignIns, type SignIn } from '../api';
import { EVENT_TYPE, formatInstant } from '../record-parts';

const MAX_DAYS = 31;

const TYPE_COLOR: Record<string, string> = {
  UserSignedIn: TAG_COLOR.success,
  UserSignedOut: TAG_COLOR.neutral,
  UserSignInFailed: TAG_COLOR.warning,
  AccountLocked: TAG_COLOR.danger,
};

/** The person the entry is about: the directory's name when they acted themselves, else the id or the username typed. */
const userOf = (row: SignIn): string =>
  row.data.userId && row.actor.sub === row.data.userId ? `${row.actor.label}　${row.data.userId}` : (row.data.userId ?? row.data.username ?? '—');

interface Filter {
  from: string;
  to: string;
  userId?: string;
}

interface FilterForm {
  range: [Dayjs, Dayjs];
  userId?: string;
}

/** 登录日志: sign-ins, failures, sign-outs and locks, by day (Beijing dates), optionally of one user. */
export const SignInLog = () => {
  const [filter, setFilter] = useState<Filter>(() => ({ from: today(), to: today() }));
  const query = useSignIns(filter.from, filter.to, filter.userId);
  const submit = ({ range, userId }: FilterForm) =>
    setFilter({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), userId: userId?.trim() || undefined });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        登录日志
      </Typography.Title>
      <Form<FilterForm> layout="inline" initialValues={{ range: [dayjs(today()), dayjs(today())] }} onFinish={submit}>
        <Form.Item
          label="日期（北京时间）"
          name="range"
          rules={[
            { required: true, message: '请选择日期范围' },
            {
              validator: (_, range?: [Dayjs, Dayjs]) =>
                range && range[1].diff(range[0], 'day') >= MAX_DAYS ? Promise.reject(new Error(`一次最多查询 ${MAX_DAYS} 天`)) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker.RangePicker allowClear={false} placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item label="用户名" name="userId">
          <Input placeholder="全部用户" allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(items) => (
          <Table<SignIn>
            rowKey={(row) => `${row.streamId}@${row.version}`}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            dataSource={items}
            locale={{ emptyText: emptyText('所选期间没有登录记录') }}
            columns={[
              { title: '时间', dataIndex: 'at', render: formatInstant },
              {
                title: '事件',
                dataIndex: 'type',
                render: (type: string) => <Tag color={TYPE_COLOR[type] ?? TAG_COLOR.neutral}>{label(EVENT_TYPE, type)}</Tag>,
              },
              { title: '用户', key: 'user', render: (_, row) => userOf(row) },
              { title: '说明', dataIndex: 'sentence' },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
};
