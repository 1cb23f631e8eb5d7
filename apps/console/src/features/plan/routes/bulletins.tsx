import { Alert, App, Button, Card, Flex, Form, Select, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { formatTime } from '../../../lib/time';
import { useBulletins, usePublishBulletin } from '../api';
import { endedQuarters } from '../plan-labels';

export const quarterLabel = (year: number, quarter: number): string => `${year}年第${quarter}季度`;

/** What a refused publication tells the supervisor. */
const refusal = (error: unknown): string =>
  error instanceof ApiProblem && error.code === 'period-not-ended'
    ? '该季度尚未结束，结束后才能发布通报'
    : error instanceof ApiProblem && error.code === 'bulletin-exists'
      ? '该季度的通报已发布，不能重复发布'
      : problemMessage(error);

/** 季度通报: publish an ended quarter's bulletin; the bulletins published, each to read or download. */
export const Bulletins = () => {
  const query = useBulletins();
  const publish = usePublishBulletin();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const quarters = endedQuarters();
  const submit = ({ quarter }: { quarter: string }) => {
    const [year, n] = quarter.split('-Q').map(Number) as [number, number];
    publish.mutate(
      { year, quarter: n },
      {
        onSuccess: (bulletin) => {
          void message.success(`${quarterLabel(bulletin.year, bulletin.quarter)}通报已发布`);
          void navigate(`/bulletins/${bulletin.id}`);
        },
      },
    );
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        季度通报
      </Typography.Title>
      <Card
        size="small"
        title={
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            发布通报
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">通报的数字按该季度末的记录计算，每季度只发布一次。</Typography.Paragraph>
        <Form layout="inline" onFinish={submit} initialValues={{ quarter: `${quarters[0]!.year}-Q${quarters[0]!.quarter}` }}>
          <Form.Item label="季度" name="quarter" rules={[{ required: true, message: '请选择季度' }]}>
            <Select
              style={{ width: 180 }}
              options={quarters.map(({ year, quarter }) => ({ value: `${year}-Q${quarter}`, label: quarterLabel(year, quarter) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            发布通报
          </Button>
        </Form>
        {publish.error && <Alert type="error" showIcon title={refusal(publish.error)} style={{ marginTop: 12 }} />}
      </Card>
      <QueryState query={query}>
        {(list) => (
          <Table
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={list.items}
            locale={{ emptyText: emptyText('尚未发布通报') }}
            columns={[
              {
                title: '通报',
                key: 'title',
                render: (_, bulletin) => <Link to={`/bulletins/${bulletin.id}`}>{quarterLabel(bulletin.year, bulletin.quarter)}督导通报</Link>,
              },
              { title: '统计截至', dataIndex: 'asOf', render: formatTime },
              { title: '发布时间', dataIndex: 'publishedAt', render: formatTime },
              {
                title: 'Word文件',
                key: 'docx',
                render: (_, bulletin) => (
                  <a href={`/api/v1/bulletins/${bulletin.id}.docx`} download>
                    下载
                  </a>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
};
