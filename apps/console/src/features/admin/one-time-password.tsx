import { Alert, Button, Modal, Typography } from 'antd';

export interface IssuedPassword {
  userId: string;
  name: string;
  password: string;
}

/** A one-time password, shown this once: the engine keeps only its hash; mounted only while shown, so nothing of it stays on the page. */
export const OneTimePasswordModal = ({ issued, onClose }: { issued: IssuedPassword; onClose: () => void }) => (
  <Modal
    open
    title="初始密码"
    onCancel={onClose}
    mask={{ closable: false }}
    keyboard={false}
    footer={
      <Button type="primary" onClick={onClose}>
        我已记下
      </Button>
    }
  >
    <>
      <Alert
        type="warning"
        showIcon
        title="此密码只显示这一次"
        description="关闭后无法再次查看。请复制后当面或通过安全渠道交给本人；本人首次登录时须修改密码。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph>
        用户：{issued.name}（{issued.userId}）
      </Typography.Paragraph>
      <Typography.Paragraph>
        初始密码：
        <Typography.Text code copyable={{ text: issued.password, tooltips: ['复制密码', '已复制'] }}>
          {issued.password}
        </Typography.Text>
      </Typography.Paragraph>
    </>
  </Modal>
);
