import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, data } from '../../../api/client';
import { problemMessage } from '../../../api/problems';
import { CenteredCard } from '../centered-card';
import { safeNext, sessionKeys, useSession } from '../session';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

/** The same rule the engine applies (api.md: at least 10 characters, three of four kinds). */
const strongEnough = (value: string): boolean =>
  value.length >= 10 && [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(value)).length >= 3;

/** 修改密码: required at first sign-in, open to anyone signed in. */
export const PasswordChange = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const session = useSession();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordForm) =>
      data(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: sessionKeys.me });
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <CenteredCard title={session.data?.passwordChangeRequired ? '首次登录，请修改密码' : '修改密码'}>
      {change.error && <Alert type="error" showIcon title={problemMessage(change.error)} style={{ marginBottom: 16 }} />}
      <Form<PasswordForm> layout="vertical" requiredMark={false} onFinish={(values) => change.mutate(values)} disabled={change.isPending}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少10位，包含大写字母、小写字母、数字、符号中的至少三类"
          rules={[
            { required: true, message: '请输入新密码' },
            { validator: (_, value: string) => (!value || strongEnough(value) ? Promise.resolve() : Promise.reject(new Error('新密码强度不足'))) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmation"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending}>
          确认修改
        </Button>
      </Form>
    </CenteredCard>
  );
};
