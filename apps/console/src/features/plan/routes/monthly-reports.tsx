import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageError, PageLoading, emptyText } from '../../../components/page-state';
import { label } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { useMonthsReports, type MonthlyReport } from '../api';
import { REPORT_STATUS, REPORT_STATUS_COLOR, periodLabel, periodsOfYear, reportYears } from '../plan-labels';

/** 月报: the unit's reports by month, on time / late / missing / not yet due, and where to file or amend each. */
export const MonthlyReports = () => {
  const years = reportYears();
  const [year, setYear] = useState(years[0]!);
  const periods = periodsOfYear(year);
  const queries = useMonthsReports(periods);
  const failed = queries.find((query) => query.error);
  const rows = queries.flatMap((query) => (query.data?.items ?? []) as MonthlyReport[]);
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        月报
      </Typography.Title>
      <Select
        aria-label="年度"
        style={{ maxWidth: 160 }}
        value={year}
        onChange={setYear}
        options={years.map((value) => ({ value, label: `${value}年` }))}
      />
      {/* a month the list does not show (before the unit was registered here) can still be reported */}
      <Select
        aria-label="填报其他月份"
        placeholder="填报其他月份"
        style={{ maxWidth: 220 }}
        value={null}
        onChange={(period: string) => void navigate(`/monthly-reports/${period}`)}
        options={periodsOfYear(year).map((period) => ({ value: period, label: periodLabel(period) }))}
      />
      {failed ? (
        <PageError error={failed.error} onRetry={() => queries.forEach((query) => void query.refetch())} />
      ) : queries.some((query) => query.isPending) ? (
        <PageLoading />
      ) : (
        <Table
          rowKey="period"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          locale={{ emptyText: emptyText('本年度没有需要填报的月报') }}
          columns={[
            { title: '月份', dataIndex: 'period', render: periodLabel },
            {
              title: '状态',
              dataIndex: 'status',
              render: (status: string) => <Tag color={REPORT_STATUS_COLOR[status]}>{label(REPORT_STATUS, status)}</Tag>,
            },
            { title: '截止时间', dataIndex: 'dueAt', render: formatTime },
            { title: '提交时间', dataIndex: 'submittedAt', render: formatTime },
            {
              title: '操作',
              key: 'action',
              render: (_, report) => <Link to={`/monthly-reports/${report.period}`}>{report.submittedAt ? '查看' : '填报'}</Link>,
            },
          ]}
        />
      )}
    </Flex>
  );
};
