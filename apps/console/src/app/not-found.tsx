import { Result } from 'antd';
import { NavButton } from '../components/nav-button';

/** Any path the console does not know (its own chunk: antd's Result carries large illustrations). */
export const NotFound = () => (
  <Result
    status="404"
    title="页面不存在"
    extra={
      <NavButton to="/" type="primary">
        返回首页
      </NavButton>
    }
  />
);
