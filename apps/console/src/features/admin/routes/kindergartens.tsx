import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryState, emptyText } from '../../../components/page-state';
import { OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { dayjs, formatDate, today } from '../../../lib/time';
import {
  type Kindergarten,
  type KindergartenForm,
  useCloseKindergarten,
  useKindergartens,
  useRegisterKindergarten,
  useTownships,
  useUpdateKindergarten,
} from '../api';
import { showProblem } from '../form-problems';

/** 幼儿园: the register, searched by name and township; register, edit, close. */
export const AdminKindergartens = () => {
  const [q, setQ] = useState('');
  const [township, setTownship] = useState<string | undefined>();
  const townships = useTownships();
  const query = useKindergartens(q, township ?? '');
  const [editing, setEditing] = useState<Kindergarten | 'new' | null>(null);
  const [closing, setClosing] = useState<Kindergarten | null>(null);
  const townshipName = (id: string) => townships.data?.items.find((item) => item.id === id)?.name ?? id;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          幼儿园
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          登记幼儿园
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          aria-label="按名称搜索"
          placeholder="名称中的字"
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 320 }}
          onSearch={(value) => setQ(value.trim())}
        />
        <Select
          aria-label="按乡镇筛选"
          placeholder="全部乡镇"
          allowClear
          style={{ width: 200 }}
          loading={townships.isPending}
          value={township}
          onChange={setTownship}
          options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
        />
      </Flex>
      <QueryState query={query}>
        {(pages) => (
          <>
            <Table<Kindergarten>
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={pages.pages.flatMap((page) => page.items)}
              locale={{ emptyText: emptyText(q || township ? '没有符合条件的幼儿园' : '尚未登记幼儿园') }}
              columns={[
                { title: '编号', dataIndex: 'id' },
                { title: '名称', dataIndex: 'name' },
                { title: '乡镇', dataIndex: 'township', render: townshipName },
                { title: '办园性质', dataIndex: 'ownership', render: (value: string) => label(OWNERSHIP, value) },
                {
                  title: '状态',
                  key: 'status',
                  render: (_, row) =>
                    row.closed ? (
                      <Tag color={TAG_COLOR.neutral}>已停办{row.closure ? `（${formatDate(row.closure.closedOn)}）` : ''}</Tag>
                    ) : (
                      <Tag color={TAG_COLOR.success}>在办</Tag>
                    ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_, row) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(row)} aria-label={`编辑 ${row.name}`}>
                        编辑
                      </Button>
                      {!row.closed && (
                        <Button size="small" danger onClick={() => setClosing(row)} aria-label={`停办 ${row.name}`}>
                          停办
                        </Button>
                      )}
                    </Space>
                  ),
                },
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
      {editing !== null && <KindergartenFormModal kindergarten={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {closing !== null && <ClosureModal kindergarten={closing} onClose={() => setClosing(null)} />}
    </Flex>
  );
};

const FIELD_OF_PROBLEM: Record<string, string> = {
  'kindergarten-exists': 'id',
  'kindergarten-name-exists': 'name',
  'unknown-township': 'township',
};

const KindergartenFormModal = ({ kindergarten, onClose }: { kindergarten: Kindergarten | null; onClose: () => void }) => {
  const [form] = Form.useForm<KindergartenForm>();
  const register = useRegisterKindergarten();
  const update = useUpdateKindergarten();
  const townships = useTownships();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (values: KindergartenForm) => {
    setProblem(undefined);
    const options = {
      onSuccess: () => {
        void message.success(kindergarten ? `已保存 ${values.name}` : `已登记 ${values.name}`);
        onClose();
      },
      onError: (error: unknown) => setProblem(showProblem(form, error, FIELD_OF_PROBLEM)),
    };
    if (kindergarten) update.mutate({ ...values, id: kindergarten.id }, options);
    else register.mutate(values, options);
  };
  return (
    <Modal
      open
      title={kindergarten ? `编辑幼儿园 ${kindergarten.name}` : '登记幼儿园'}
      okText={kindergarten ? '保存' : '登记'}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending || update.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<KindergartenForm> form={form} layout="vertical" onFinish={submit} initialValues={kindergarten ?? { ownership: 'public' }}>
        {!kindergarten && (
          <Form.Item
            label="编号"
            name="id"
            extra="小写字母、数字和连字符，如 cg-kg-01；登记后不能修改"
            rules={[
              { required: true, message: '请填写编号' },
              { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: '2至63位小写字母、数字或连字符，以字母或数字开头' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, max: 100, message: '请填写幼儿园名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="乡镇" name="township" rules={[{ required: true, message: '请选择乡镇' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={townships.isPending}
            options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
          />
        </Form.Item>
        <Form.Item label="办园性质" name="ownership" rules={[{ required: true, message: '请选择办园性质' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={Object.entries(OWNERSHIP).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

interface ClosureForm {
  closedOn: Dayjs;
  reason: string;
}

/** 停办: recorded for good, so the dialog says what follows before it is confirmed. */
const ClosureModal = ({ kindergarten, onClose }: { kindergarten: Kindergarten; onClose: () => void }) => {
  const [form] = Form.useForm<ClosureForm>();
  const close = useCloseKindergarten();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <Modal
      open
      title={`停办 ${kindergarten.name}`}
      okText="确认停办"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title="停办后该幼儿园不再安排新的检查，此操作不能撤销。" style={{ marginBottom: 12 }} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<ClosureForm>
        form={form}
        layout="vertical"
        initialValues={{ closedOn: dayjs(today()) }}
        onFinish={({ closedOn, reason }) => {
          setProblem(undefined);
          close.mutate(
            { id: kindergarten.id, closedOn: closedOn.format('YYYY-MM-DD'), reason },
            {
              onSuccess: () => {
                void message.success(`已停办 ${kindergarten.name}`);
                onClose();
              },
              onError: (error) => setProblem(showProblem(form, error, {})),
            },
          );
        }}
      >
        <Form.Item label="停办日期" name="closedOn" rules={[{ required: true, message: '请选择停办日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="停办原因" name="reason" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写停办原因（至多2000字）' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
