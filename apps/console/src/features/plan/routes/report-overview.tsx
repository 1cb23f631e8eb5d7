import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryState, emptyText } from '../../../components/page-state';
import { TAG_COLOR, label } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { useMonthlyReports, type MonthlyReport } from '../api';
import { FIRST_PERIOD, REPORT_STATUS, REPORT_STATUS_COLOR, TASK_STATUS, lastEndedPeriod, periodLabel } from '../plan-labels';
import { EvidenceList } from '../../attachments/evidence-list';

/** Every month of the plan up to the last ended one, the latest first. */
const allPeriods = (): string[] => {
  const periods: string[] = [];
  for (let period = lastEndedPeriod(); period >= FIRST_PERIOD;) {
    periods.push(period);
    const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
    period = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  }
  return periods;
};

const Details = ({ report }: { report: MonthlyReport }) => (
  <Flex vertical gap={8}>
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {report.items.map((item) => (
        <li key={item.taskNo}>
          任务{item.taskNo}（{label(TASK_STATUS, item.status)}）：{item.progress}
        </li>
      ))}
    </ul>
    <EvidenceList items={report.evidence} />
  </Flex>
);

/** 月报督查: every unit that owes the month's report, with its status. */
export const ReportOverview = () => {
  const periods = allPeriods();
  const [period, setPeriod] = useState(periods[0]!);
  const query = useMonthlyReports(period);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        月报督查
      </Typography.Title>
      <Select
        aria-label="月份"
        style={{ maxWidth: 180 }}
        value={period}
        onChange={setPeriod}
        options={periods.map((value) => ({ value, label: periodLabel(value) }))}
      />
      <QueryState query={query}>
        {(page) => {
          const count = (status: string) => page.items.filter((item) => item.status === status).length;
          return (
            <>
              <Flex gap={8} wrap aria-label="本月汇总">
                {Object.keys(REPORT_STATUS).map((status) => (
                  <Tag key={status} color={REPORT_STATUS_COLOR[status]}>
                    {label(REPORT_STATUS, status)} {count(status)}
                  </Tag>
                ))}
              </Flex>
              <Table
                rowKey={(report) => report.unit.id}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={page.items}
                locale={{ emptyText: emptyText('本月没有需要报送月报的单位') }}
                expandable={{
                  rowExpandable: (report) => report.submittedAt !== null,
                  expandedRowRender: (report) => <Details report={report} />,
                }}
                columns={[
                  { title: '单位', key: 'unit', render: (_, report) => report.unit.name },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (status: string) => <Tag color={REPORT_STATUS_COLOR[status]}>{label(REPORT_STATUS, status)}</Tag>,
                  },
                  { title: '截止时间', dataIndex: 'dueAt', render: formatTime },
                  { title: '提交时间', dataIndex: 'submittedAt', render: formatTime },
                  {
                    title: '更正',
                    key: 'amended',
                    render: (_, report) => (report.versions.length > 1 ? <Tag color={TAG_COLOR.neutral}>已更正</Tag> : '—'),
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Flex>
  );
};
