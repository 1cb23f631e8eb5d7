import { Alert, Button, Card, Descriptions, Flex, Form, Input, Progress, Result, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { emptyText } from '../../../components/page-state';
import { label } from '../../../lib/labels';
import { useVerification, type VerificationReport, type VerificationRun } from '../api';
import { BREAK_REASON } from '../record-parts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} 秒`;

/** The time since a run started, ticking while it runs. */
const useElapsed = (startedAt: number | undefined): number => {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAt === undefined) return;
    const timer = window.setInterval(() => setNow(performance.now()), 500);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  return startedAt === undefined ? 0 : Math.max(0, now - startedAt);
};

/** 验证: re-hashes every event's chain (or one stream's) and every cited attachment, showing how far it has come. */
export const VerificationPage = () => {
  const [params] = useSearchParams();
  const { run, start } = useVerification();
  const running = run.phase === 'events' || run.phase === 'attachments';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        验证
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        按记录时的哈希链重新计算每个事件的哈希，并重新核对被引用附件的内容，以确认记录自写入后未被改动、删除或插入。
      </Typography.Paragraph>
      <Card size="small">
        <Form
          layout="inline"
          initialValues={{ streamId: params.get('streamId') ?? '' }}
          onFinish={({ streamId }: { streamId: string }) => void start(streamId.trim() || undefined)}
        >
          <Form.Item label="事件流（留空则验证全部）" name="streamId">
            <Input placeholder="如 rectification-…" style={{ width: 300 }} allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={running}>
              开始验证
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <RunState run={run} />
    </Flex>
  );
};

const RunState = ({ run }: { run: VerificationRun }) => {
  const elapsed = useElapsed(run.phase === 'events' || run.phase === 'attachments' ? run.startedAt : undefined);
  switch (run.phase) {
    case 'idle':
      return null;
    case 'events': {
      const percent = run.headPosition > 0 ? Math.min(99, Math.floor((100 * run.position) / run.headPosition)) : 0;
      return (
        <Card size="small" role="status" aria-live="polite">
          <Flex vertical gap={8}>
            <Typography.Text>正在核对事件的哈希链……</Typography.Text>
            {run.headPosition > 0 ? <Progress percent={percent} aria-label="验证进度" /> : <Spin />}
            <Typography.Text type="secondary">
              已核对 {run.eventsChecked.toLocaleString('zh-CN')} 个事件，已用时 {seconds(elapsed)}
            </Typography.Text>
          </Flex>
        </Card>
      );
    }
    case 'attachments':
      return (
        <Card size="small" role="status" aria-live="polite">
          <Flex vertical gap={8}>
            <Typography.Text>事件已全部核对（{run.eventsChecked.toLocaleString('zh-CN')} 个），正在核对附件内容……</Typography.Text>
            <Progress percent={99} status="active" aria-label="验证进度" />
            <Typography.Text type="secondary">已用时 {seconds(elapsed)}</Typography.Text>
          </Flex>
        </Card>
      );
    case 'done':
      return <Report report={run.report} ms={run.ms} />;
    case 'failed':
      return <Alert type="error" showIcon title="验证未能完成" description={problemMessage(run.error)} />;
  }
};

const Report = ({ report, ms }: { report: VerificationReport; ms: number }) => (
  <Card size="small">
    <Result
      status={report.ok ? 'success' : 'error'}
      title={report.ok ? '验证通过' : `发现 ${report.broken.length} 处异常`}
      subTitle={report.ok ? '记录完整，未发现任何改动。' : '以下事件流自所列版本起无法通过验证。'}
      style={{ padding: 16 }}
    />
    <Descriptions
      size="small"
      column={{ xs: 1, md: 4 }}
      items={[
        { key: 'streams', label: '核对事件流', children: `${report.streamsChecked.toLocaleString('zh-CN')} 个` },
        { key: 'events', label: '核对事件', children: `${report.eventsChecked.toLocaleString('zh-CN')} 个` },
        { key: 'attachments', label: '核对附件', children: `${report.attachmentsChecked.toLocaleString('zh-CN')} 个` },
        { key: 'ms', label: '用时', children: seconds(ms) },
      ]}
    />
    {!report.ok && (
      <Table
        rowKey={(row) => `${row.streamId}@${row.version}:${row.attachmentId ?? ''}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 12 }}
        dataSource={[...report.broken]}
        locale={{ emptyText: emptyText('无异常') }}
        columns={[
          {
            title: '事件流',
            dataIndex: 'streamId',
            render: (streamId: string) => <Link to={`/audit/streams/${encodeURIComponent(streamId)}`}>{streamId}</Link>,
          },
          { title: '自版本', dataIndex: 'version', align: 'right' },
          { title: '原因', dataIndex: 'reason', render: (reason: string) => label(BREAK_REASON, reason) },
          { title: '附件', dataIndex: 'attachmentId', render: (id?: string) => id ?? '—' },
        ]}
      />
    )}
  </Card>
);
