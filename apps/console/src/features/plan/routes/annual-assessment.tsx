import { Alert, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { OUTCOME, TAG_COLOR, label } from '../../../lib/labels';
import { COUNTY_ZONE, dayjs, formatTime } from '../../../lib/time';
import { useAssessment, useKindergartenName, useOpenAssessment } from '../api';

const INSPECTION_STATUS: Record<string, string> = { scheduled: '待检查', concluded: '已作出结论', cancelled: '已取消' };

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const KindergartenName = ({ id }: { id: string }) => {
  const name = useKindergartenName(id);
  return <Link to={`/kindergartens/${id}`}>{name.data ?? (name.isError ? '（无法读取名称）' : '…')}</Link>;
};

/** 年度考核: open the year's campaign; the units' scores and the kindergartens' annual inspection results. */
export const AnnualAssessment = () => {
  const thisYear = dayjs().tz(COUNTY_ZONE).year();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].filter((year) => year >= 2023);
  const [year, setYear] = useState(thisYear);
  const query = useAssessment(year);
  const open = useOpenAssessment(year);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        年度考核
      </Typography.Title>
      <Select
        aria-label="年度"
        style={{ maxWidth: 160 }}
        value={year}
        onChange={setYear}
        options={years.map((value) => ({ value, label: `${value}年` }))}
      />
      <QueryState query={query}>
        {(assessment) =>
          assessment === null ? (
            <Card size="small">
              <Flex vertical gap={12} align="start">
                <Typography.Text>{year}年度考核尚未开启。开启后为每所已登记的幼儿园安排本年度年检。</Typography.Text>
                {open.error && <Alert type="error" showIcon title={problemMessage(open.error)} />}
                <Button type="primary" loading={open.isPending} onClick={() => open.mutate()}>
                  开启{year}年度考核
                </Button>
              </Flex>
            </Card>
          ) : (
            <Flex vertical gap={16}>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    { key: 'openedAt', label: '开启时间', children: formatTime(assessment.openedAt) },
                    { key: 'scheduled', label: '已安排年检', children: assessment.annualInspections.scheduled },
                    {
                      key: 'results',
                      label: '年检结果',
                      children: `合格 ${assessment.annualInspections.passed}，不合格 ${assessment.annualInspections.failed}`,
                    },
                  ]}
                />
              </Card>
              <Card size="small" title={heading('责任单位考核')}>
                <Typography.Paragraph type="secondary">得分 = 100 ×（按时 + 0.5 × 逾期）÷ 应报，按本年度已到期的月报计算。</Typography.Paragraph>
                <Table
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={assessment.units}
                  locale={{ emptyText: emptyText('本年度尚无到期的月报') }}
                  columns={[
                    { title: '单位', dataIndex: 'name' },
                    { title: '应报', dataIndex: 'owed' },
                    { title: '按时', dataIndex: 'onTime' },
                    { title: '逾期', dataIndex: 'late' },
                    { title: '未报', dataIndex: 'missing' },
                    { title: '得分', dataIndex: 'score', render: (score: number | null) => (score === null ? '—' : score) },
                  ]}
                />
              </Card>
              <Card size="small" title={heading('幼儿园年检结果')}>
                <Table
                  rowKey="inspectionId"
                  size="small"
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={{ x: 'max-content' }}
                  dataSource={assessment.annualInspections.items}
                  locale={{ emptyText: emptyText('尚未安排年检') }}
                  columns={[
                    { title: '幼儿园', dataIndex: 'kindergartenId', render: (id: string) => <KindergartenName id={id} /> },
                    { title: '状态', dataIndex: 'status', render: (status: string) => label(INSPECTION_STATUS, status) },
                    {
                      title: '结果',
                      dataIndex: 'outcome',
                      render: (outcome: string | null) =>
                        outcome ? <Tag color={outcome === 'passed' ? TAG_COLOR.success : TAG_COLOR.danger}>{label(OUTCOME, outcome)}</Tag> : '—',
                    },
                    { title: '结论时间', dataIndex: 'concludedAt', render: formatTime },
                    { title: '检查', dataIndex: 'inspectionId', render: (id: string) => <Link to={`/inspections/${id}`}>查看</Link> },
                  ]}
                />
              </Card>
            </Flex>
          )
        }
      </QueryState>
    </Flex>
  );
};
