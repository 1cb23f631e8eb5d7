import { Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryState, emptyText } from '../../../components/page-state';
import { INSPECTION_KIND, label } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { useBulletin } from '../api';
import { quarterLabel } from './bulletins';

interface Outcomes {
  passed: number;
  failed: number;
  pending: number;
}

/** The bulletin's figures (api.md: GET /bulletins/{year}-Q{n}); the engine's document describes them as free objects. */
interface Figures {
  inspections: Outcomes & { byKind: Record<string, Outcomes> };
  notices: { issued: number; published: number };
  cases: { open: number; overdue: number; closed: number; failed: number };
  suspensions: { inForce: number };
  monthlyReports: {
    periods: string[];
    onTime: number;
    late: number;
    missing: number;
    units: Array<{ unitId: string; name: string; onTime: number; late: number; missing: number }>;
  };
}

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** One quarter's bulletin (季度通报) with its tables, and its Word file. */
export const BulletinPage = () => {
  const { id = '' } = useParams();
  const query = useBulletin(id);
  return (
    <QueryState query={query}>
      {(bulletin) => {
        const figures = bulletin as unknown as Figures;
        return (
          <Flex vertical gap={16}>
            <Typography.Title level={2} style={{ marginBottom: 0 }}>
              {quarterLabel(bulletin.year, bulletin.quarter)}督导通报
            </Typography.Title>
            <Flex gap={12} wrap align="center">
              <Link to="/bulletins">返回通报列表</Link>
              <Button type="primary" href={`/api/v1/bulletins/${bulletin.id}.docx`} download>
                下载Word文件
              </Button>
            </Flex>
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'asOf', label: '统计截至', children: formatTime(bulletin.asOf) },
                  { key: 'publishedAt', label: '发布时间', children: formatTime(bulletin.publishedAt) },
                ]}
              />
            </Card>
            <Card size="small" title={heading('检查情况')}>
              <Table
                rowKey="kind"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={[
                  ...Object.entries(figures.inspections.byKind).map(([kind, counts]) => ({ kind: label(INSPECTION_KIND, kind), ...counts })),
                  { kind: '合计', passed: figures.inspections.passed, failed: figures.inspections.failed, pending: figures.inspections.pending },
                ]}
                columns={[
                  { title: '检查类别', dataIndex: 'kind' },
                  { title: '合格', dataIndex: 'passed' },
                  { title: '不合格', dataIndex: 'failed' },
                  { title: '未完成', dataIndex: 'pending' },
                ]}
              />
            </Card>
            <Card size="small" title={heading('整改与招生')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, md: 3 }}
                items={[
                  { key: 'issued', label: '下发整改通知', children: figures.notices.issued },
                  { key: 'published', label: '其中公开通报', children: figures.notices.published },
                  { key: 'open', label: '季末未办结', children: figures.cases.open },
                  { key: 'overdue', label: '季末逾期', children: figures.cases.overdue },
                  { key: 'closed', label: '本季办结', children: figures.cases.closed },
                  { key: 'failed', label: '整改后仍不达标', children: figures.cases.failed },
                  { key: 'suspensions', label: '暂停招生', children: figures.suspensions.inForce },
                ]}
              />
            </Card>
            <Card size="small" title={heading('责任单位月报')}>
              <Typography.Paragraph type="secondary">
                按时 {figures.monthlyReports.onTime}，逾期 {figures.monthlyReports.late}，未报 {figures.monthlyReports.missing}
              </Typography.Paragraph>
              <Table
                rowKey="unitId"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={figures.monthlyReports.units}
                locale={{ emptyText: emptyText('本季度没有应报的月报') }}
                columns={[
                  { title: '单位', dataIndex: 'name' },
                  { title: '按时', dataIndex: 'onTime' },
                  { title: '逾期', dataIndex: 'late' },
                  { title: '未报', dataIndex: 'missing' },
                ]}
              />
            </Card>
          </Flex>
        );
      }}
    </QueryState>
  );
};
