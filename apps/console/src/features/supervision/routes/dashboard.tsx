import { Card, Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState, emptyText } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, TAG_COLOR, label } from '../../../lib/labels';
import { formatTime, today } from '../../../lib/time';
import { useKindergartenNames, useOpenCasesDue, useOverview, useTownships } from '../api';
import { DownloadLink } from '../components/download-link';
import { TownshipChart, type TownshipCounts } from '../components/township-chart';

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const DAY = 24 * 60 * 60 * 1000;

/** This week in Asia/Shanghai, Monday to Sunday. */
const shanghaiWeek = () => {
  const day = new Date(`${today()}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const date = (offset: number) => new Date(day.getTime() + offset * DAY).toISOString().slice(0, 10);
  return { monday: date(-sinceMonday), sunday: date(6 - sinceMonday) };
};

type Row = TownshipCounts & { township: string };

const COLUMNS: ColumnsType<Row> = [
  { title: '乡镇', dataIndex: 'name', fixed: 'left' },
  { title: '幼儿园', dataIndex: 'kindergartens', align: 'right' },
  {
    title: '本年度检查',
    children: [
      { title: '待检查', key: 'scheduled', align: 'right', render: (_, row) => row.inspections.scheduled },
      { title: '合格', key: 'passed', align: 'right', render: (_, row) => row.inspections.passed },
      { title: '不合格', key: 'failed', align: 'right', render: (_, row) => row.inspections.failed },
      { title: '已取消', key: 'cancelled', align: 'right', render: (_, row) => row.inspections.cancelled },
    ],
  },
  {
    title: '本年度整改通知',
    children: [
      { title: '未办结', key: 'open', align: 'right', render: (_, row) => row.cases.open },
      { title: '已逾期', key: 'overdue', align: 'right', render: (_, row) => row.cases.overdue },
    ],
  },
  { title: '暂停招生', dataIndex: 'suspensions', align: 'right' },
];

const cellsOf = (row: Omit<TownshipCounts, 'name'>) => [
  row.kindergartens,
  row.inspections.scheduled,
  row.inspections.passed,
  row.inspections.failed,
  row.inspections.cancelled,
  row.cases.open,
  row.cases.overdue,
  row.suspensions,
];

/** 概览: the supervisor's home — each township's numbers as a chart and a table, the cases due this week, the spreadsheets. */
export const Dashboard = () => {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const overview = useOverview(year);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          概览
        </Typography.Title>
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={Array.from({ length: 7 }, (_, index) => thisYear + 1 - index).map((value) => ({ value, label: `${value}年` }))}
        />
      </Flex>
      <Card size="small" title={heading(`${year}年各乡镇情况`)}>
        <QueryState query={overview} isEmpty={(data) => data.townships.length === 0} empty="暂无乡镇数据">
          {(data) => (
            <Flex vertical gap={16}>
              <TownshipChart townships={data.townships} label={`${year}年各乡镇幼儿园、检查、整改和暂停招生数量柱状图，数据同下表`} />
              <Table<Row>
                rowKey="township"
                size="small"
                bordered
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.townships}
                columns={COLUMNS}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>合计</Typography.Text>
                    </Table.Summary.Cell>
                    {cellsOf(data.totals).map((value, index) => (
                      <Table.Summary.Cell key={index} index={index + 1} align="right">
                        <Typography.Text strong>{value}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )}
              />
              <Typography.Text type="secondary">统计时间：{formatTime(data.asOf)}；整改通知按下发年度统计，暂停招生为当前数量。</Typography.Text>
            </Flex>
          )}
        </QueryState>
      </Card>
      <DueThisWeek />
      <Exports year={year} />
    </Flex>
  );
};

/** 本周到期: open cases whose deadline falls in this Asia/Shanghai week, soonest first. */
const DueThisWeek = () => {
  const week = shanghaiWeek();
  const query = useOpenCasesDue(week.monday, week.sunday);
  const names = useKindergartenNames(query.data?.map((item) => item.kindergartenId) ?? []);
  return (
    <Card size="small" title={heading(`本周到期（${week.monday} 至 ${week.sunday}）`)}>
      <QueryState query={query}>
        {(items) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={items}
            locale={{ emptyText: emptyText('本周没有到期的整改通知') }}
            columns={[
              {
                title: '整改通知',
                dataIndex: 'documentNo',
                render: (documentNo: string | null, row) => <Link to={`/cases/${row.id}`}>{documentNo ?? '查看整改通知'}</Link>,
              },
              { title: '幼儿园', dataIndex: 'kindergartenId', render: (id: string) => names.get(id) ?? '…' },
              { title: '整改期限', dataIndex: 'dueAt', render: formatTime },
              {
                title: '状态',
                dataIndex: 'status',
                render: (status: string, row) => (
                  <Flex gap={4}>
                    <Tag color={CASE_STATUS_COLOR[status]}>{label(CASE_STATUS, status)}</Tag>
                    {row.overdue && <Tag color={TAG_COLOR.danger}>已逾期</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
};

const CASE_FILTERS: Record<string, string> = { open: '未办结', ...CASE_STATUS };

/** 导出报表: the engine's spreadsheets, the case list as filtered here. */
const Exports = ({ year }: { year: number }) => {
  const townships = useTownships();
  const [township, setTownship] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const caseQuery = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(township ? { township } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
  });
  return (
    <Card size="small" title={heading('导出报表')}>
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Select
            aria-label="导出的乡镇"
            placeholder="全部乡镇"
            allowClear
            style={{ width: 140 }}
            value={township}
            onChange={setTownship}
            options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
          />
          <Select
            aria-label="导出的整改状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={Object.entries(CASE_FILTERS).map(([value, text]) => ({ value, label: text }))}
          />
          <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
            仅逾期
          </Checkbox>
          <DownloadLink href={`/api/v1/exports/rectifications.xlsx${caseQuery.size ? `?${caseQuery}` : ''}`}>导出整改事项</DownloadLink>
        </Flex>
        <Flex gap={8} wrap>
          <DownloadLink href="/api/v1/exports/kindergartens.xlsx">导出幼儿园名册</DownloadLink>
          {year >= 2023 && <DownloadLink href={`/api/v1/exports/monthly-reports.xlsx?year=${year}`}>导出{year}年月度进展报告</DownloadLink>}
        </Flex>
      </Flex>
    </Card>
  );
};
