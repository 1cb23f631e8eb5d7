import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, data, setCsrfToken } from '../../../api/client';
import { problemMessage } from '../../../api/problems';
import { CenteredCard } from '../centered-card';
import { markSessionEnded, safeNext, sessionKeys } from '../session';

interface Credentials {
  username: string;
  password: string;
}

export const SignIn = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const next = safeNext(params.get('next'));
  const sso = useQuery({ queryKey: ['auth', 'oidc'], queryFn: () => data(api.GET('/api/v1/auth/oidc/status')), retry: false, staleTime: Infinity });
  const signIn = useMutation({
    mutationFn: (body: Credentials) => data(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (session) => {
      markSessionEnded(false);
      setCsrfToken(session.csrfToken);
      queries.setQueryData(sessionKeys.me, session);
      void navigate(session.passwordChangeRequired ? `/password?next=${encodeURIComponent(next)}` : next, { replace: true });
    },
  });
  return (
    <CenteredCard title="登录">
      {params.get('expired') && !signIn.error && <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
      {signIn.error && <Alert type="error" showIcon title={problemMessage(signIn.error)} style={{ marginBottom: 16 }} />}
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => signIn.mutate(values)} disabled={signIn.isPending}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          登录
        </Button>
      </Form>
      {sso.data?.startUrl && (
        <Button block href={`${sso.data.startUrl}?returnTo=${encodeURIComponent(next)}`} style={{ marginTop: 12 }}>
          统一身份认证登录
        </Button>
      )}
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/public">查看整改公示</Link>
      </div>
    </CenteredCard>
  );
};
