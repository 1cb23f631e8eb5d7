import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { ROLE, TAG_COLOR, label } from '../../../lib/labels';
import { useSession } from '../../auth/session';
import {
  type User,
  type UserForm,
  useKindergarten,
  useKindergartenChoices,
  usePlanUnits,
  useRegisterUser,
  useResetPassword,
  useSetUserEnabled,
  useTownships,
  useUpdateUser,
  useUsers,
} from '../api';
import { showProblem } from '../form-problems';
import { type IssuedPassword, OneTimePasswordModal } from '../one-time-password';

const ROLES = ['supervisor', 'kindergarten', 'department', 'auditor', 'admin'] as const;

const KindergartenName = ({ id }: { id: string }) => {
  const query = useKindergarten(id);
  return <>{query.data?.name ?? id}</>;
};

/** 用户: the directory, with its one-time passwords shown once. */
export const Users = () => {
  const query = useUsers();
  const townships = useTownships();
  const units = usePlanUnits();
  const me = useSession().data?.user.id;
  const { message } = App.useApp();
  const setEnabled = useSetUserEnabled();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const townshipName = (id: string) => townships.data?.items.find((item) => item.id === id)?.name ?? id;
  const unitName = (id: string) => units.data?.find((unit) => unit.id === id)?.name ?? id;
  const scope = (user: User) => {
    if (user.role === 'kindergarten' && user.kindergartenId) return <KindergartenName id={user.kindergartenId} />;
    if (user.role === 'department' && user.unitId) return unitName(user.unitId);
    if (user.role === 'supervisor') return user.townships?.length ? user.townships.map(townshipName).join('、') : '全县';
    return '—';
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          用户
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          新建用户
        </Button>
      </Flex>
      <QueryState query={query}>
        {(pages) => (
          <>
            <Table<User>
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={pages.pages.flatMap((page) => page.items)}
              locale={{ emptyText: emptyText('尚无用户') }}
              columns={[
                { title: '用户名', dataIndex: 'id' },
                { title: '姓名', dataIndex: 'name' },
                { title: '角色', dataIndex: 'role', render: (role: string) => label(ROLE, role) },
                { title: '范围', key: 'scope', render: (_, user) => scope(user) },
                {
                  title: '状态',
                  key: 'status',
                  render: (_, user) => (
                    <Space size={4} wrap>
                      {user.enabled ? <Tag color={TAG_COLOR.success}>启用</Tag> : <Tag color={TAG_COLOR.neutral}>已停用</Tag>}
                      {user.serviceAccount && <Tag color={TAG_COLOR.info}>接口账号</Tag>}
                      {user.enabled && user.passwordChangeRequired && !user.serviceAccount && <Tag color={TAG_COLOR.warning}>待首次登录改密</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_, user) => (
                    <Space size={4} wrap>
                      <Button size="small" onClick={() => setEditing(user)} aria-label={`编辑 ${user.id}`}>
                        编辑
                      </Button>
                      {user.id !== me && (
                        <Popconfirm
                          title={user.enabled ? `停用 ${user.name}？` : `启用 ${user.name}？`}
                          description={user.enabled ? '停用后该用户立即退出登录，且不能再登录。' : '启用后该用户可以重新登录，登录锁定一并解除。'}
                          okText={user.enabled ? '确认停用' : '确认启用'}
                          cancelText="取消"
                          onConfirm={() =>
                            setEnabled
                              .mutateAsync(
                                { id: user.id, enabled: !user.enabled },
                                {
                                  onSuccess: () => void message.success(user.enabled ? `已停用 ${user.name}` : `已启用 ${user.name}`),
                                  onError: (error) => void message.error(problemMessage(error)),
                                },
                              )
                              // the refusal is shown by onError; the dialog only needs to stop waiting
                              .catch(() => undefined)
                          }
                        >
                          <Button size="small" danger={user.enabled} aria-label={`${user.enabled ? '停用' : '启用'} ${user.id}`}>
                            {user.enabled ? '停用' : '启用'}
                          </Button>
                        </Popconfirm>
                      )}
                      {!user.serviceAccount && (
                        <Popconfirm
                          title={`重置 ${user.name} 的密码？`}
                          description="将生成新的一次性初始密码，原密码立即失效。"
                          okText="确认重置"
                          cancelText="取消"
                          onConfirm={() =>
                            reset
                              .mutateAsync(user.id, {
                                onSuccess: ({ initialPassword }) => setIssued({ userId: user.id, name: user.name, password: initialPassword }),
                                onError: (error) => void message.error(problemMessage(error)),
                              })
                              .catch(() => undefined)
                          }
                        >
                          <Button size="small" aria-label={`重置密码 ${user.id}`}>
                            重置密码
                          </Button>
                        </Popconfirm>
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
      {editing !== null && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onRegistered={(user, password) => {
            setEditing(null);
            if (password) setIssued({ userId: user.id, name: user.name, password });
          }}
        />
      )}
      {issued && <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />}
    </Flex>
  );
};

const FIELD_OF_PROBLEM: Record<string, string> = {
  'user-exists': 'id',
  'unknown-kindergarten': 'kindergartenId',
  'unknown-unit': 'unitId',
  'unknown-township': 'townships',
};

/** 新建 / 编辑用户: the scope fields follow the role. */
const UserFormModal = ({
  user,
  onClose,
  onRegistered,
}: {
  user: User | null;
  onClose: () => void;
  onRegistered: (user: User, initialPassword: string | null) => void;
}) => {
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const register = useRegisterUser();
  const update = useUpdateUser();
  const townships = useTownships();
  const units = usePlanUnits();
  const [kindergartenSearch, setKindergartenSearch] = useState('');
  const choices = useKindergartenChoices(kindergartenSearch);
  const current = useKindergarten(user?.kindergartenId);
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | undefined>();
  const pending = register.isPending || update.isPending;

  const kindergartenOptions = [
    ...(current.data && !choices.data?.items.some((item) => item.id === current.data.id) ? [current.data] : []),
    ...(choices.data?.items ?? []),
  ].map((item) => ({ value: item.id, label: item.name }));

  const submit = (values: UserForm) => {
    setProblem(undefined);
    const onError = (error: unknown) => setProblem(showProblem(form, error, FIELD_OF_PROBLEM));
    if (user) {
      update.mutate(
        { ...values, id: user.id },
        {
          onSuccess: () => {
            void message.success(`已保存 ${values.name}`);
            onClose();
          },
          onError,
        },
      );
    } else {
      register.mutate(values, { onSuccess: (answer) => onRegistered(answer.user, answer.initialPassword), onError });
    }
  };

  return (
    <Modal
      open
      title={user ? `编辑用户 ${user.id}` : '新建用户'}
      onCancel={onClose}
      okText={user ? '保存' : '创建'}
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={user ? { ...user, role: user.role as UserForm['role'] } : { role: 'supervisor' }}
      >
        {!user && (
          <Form.Item
            label="用户名"
            name="id"
            extra="登录时使用，创建后不能修改"
            rules={[
              { required: true, message: '请填写用户名' },
              { pattern: /^[a-z0-9][a-z0-9._-]{1,62}$/, message: '2至63位小写字母、数字、点、下划线或连字符，以字母或数字开头' },
              { validator: (_, value?: string) => (value === 'system' ? Promise.reject(new Error('system 为系统保留')) : Promise.resolve()) },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, max: 50, message: '请填写姓名（至多50字）' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Radio.Group options={ROLES.map((value) => ({ value, label: ROLE[value] }))} />
        </Form.Item>
        {role === 'supervisor' && (
          <Form.Item label="责任区（乡镇）" name="townships" extra="不选即负责全县">
            <Checkbox.Group
              role="group"
              aria-label="责任区（乡镇）"
              options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
            />
          </Form.Item>
        )}
        {role === 'kindergarten' && (
          <Form.Item label="所属幼儿园" name="kindergartenId" rules={[{ required: true, message: '请选择幼儿园' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setKindergartenSearch }}
              placeholder="输入名称搜索"
              loading={choices.isFetching}
              options={kindergartenOptions}
              notFoundContent={choices.isFetching ? '正在搜索…' : '没有符合的幼儿园'}
            />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入名称搜索"
              loading={units.isPending}
              options={units.data?.map((unit) => ({ value: unit.id, label: unit.name })) ?? []}
            />
          </Form.Item>
        )}
        <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', max: 254, message: '请填写有效的电子邮箱' }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label="手机号码" name="phone" rules={[{ pattern: /^\+?[0-9 -]{3,32}$/, message: '请填写有效的电话号码' }]}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
