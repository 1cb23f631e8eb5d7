import { Button, Card, Flex, Typography } from 'antd';
import { today } from '../../../lib/time';
import { EXPORT_URL } from '../api';

/** 导出: the whole record as one NDJSON file, streamed by the engine (a plain link: the session cookie goes with it). */
export const ExportPage = () => (
  <Flex vertical gap={16}>
    <Typography.Title level={2} style={{ marginBottom: 0 }}>
      导出
    </Typography.Title>
    <Card size="small">
      <Typography.Paragraph>
        导出全部事件：每行一个事件（NDJSON 格式），按写入顺序排列，包含事件数据、操作人、时间及哈希链，可用于离线核验和归档。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        文件由系统边读边传，记录较多时下载需要一些时间。导出的文件可用 <Typography.Text code>npm run audit -- import</Typography.Text>{' '}
        重新导入并逐一核对哈希。
      </Typography.Paragraph>
      <Button type="primary" href={EXPORT_URL} download={`督导整改记录-${today()}.ndjson`}>
        下载全部事件（NDJSON）
      </Button>
    </Card>
  </Flex>
);
