import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CardList, QueryState } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, TAG_COLOR, label } from '../../../lib/labels';
import { EvidenceList } from '../../attachments/evidence-list';
import { formatDate, formatTime, today } from '../../../lib/time';
import { useCalendarYear, useCase, useKindergarten, type Case } from '../api';
import { CaseActions, ExtensionCard, ReviewCard } from '../components/case-actions';
import { CaseTimeline } from '../components/case-timeline';
import { countdownText, workingDaysLeft, yearsBetween, type CalendarYear } from '../countdown';

/** How long is left until the deadline (working days from the official calendar where it has the years), or that it passed. */
const Countdown = ({ notice }: { notice: Case }) => {
  const now = today();
  const dueDate = formatDate(notice.dueAt);
  const years = yearsBetween(now, dueDate);
  const first = useCalendarYear(years[0] ?? 0, years.length > 0);
  const second = useCalendarYear(years[1] ?? 0, years.length > 1);
  const calendars = new Map<number, CalendarYear | null>();
  for (const calendar of [first.data, second.data]) if (calendar) calendars.set(calendar.year, calendar);
  const text = countdownText({
    status: notice.status,
    overdue: notice.overdue,
    dueAt: notice.dueAt,
    dueDate,
    now: new Date(),
    today: now,
    workingDays: years.length > 0 ? workingDaysLeft(now, dueDate, calendars) : null,
  });
  if (!text) return null;
  const late = text.startsWith('已逾期');
  return <Tag color={late ? TAG_COLOR.danger : TAG_COLOR.neutral}>{text}</Tag>;
};

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const KindergartenName = ({ id }: { id: string }) => {
  const kindergarten = useKindergarten(id);
  return <Link to={`/kindergartens/${id}`}>{kindergarten.data?.name ?? '查看幼儿园'}</Link>;
};

/** A rectification case: status, deadline countdown, findings, reports, the actions its state allows, and its timeline. */
export const CasePage = () => {
  const { id = '' } = useParams();
  const query = useCase(id);
  return (
    <QueryState query={query}>
      {(notice) => (
        <Flex vertical gap={16}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            整改通知
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'status',
                  label: '状态',
                  children: (
                    <Flex gap={4} wrap>
                      <Tag color={CASE_STATUS_COLOR[notice.status]}>{label(CASE_STATUS, notice.status)}</Tag>
                      {notice.overdue && <Tag color={TAG_COLOR.danger}>已逾期</Tag>}
                      {notice.extension?.status === 'pending' && <Tag color={TAG_COLOR.warning}>延期申请待审批</Tag>}
                    </Flex>
                  ),
                },
                { key: 'documentNo', label: '文号', children: notice.documentNo ?? '—' },
                { key: 'kg', label: '幼儿园', children: <KindergartenName id={notice.kindergartenId} /> },
                { key: 'issuedAt', label: '下发时间', children: formatTime(notice.issuedAt) },
                {
                  key: 'dueAt',
                  label: '整改期限',
                  children: (
                    <Flex gap={8} wrap align="center">
                      {formatTime(notice.dueAt)}
                      <Countdown notice={notice} />
                    </Flex>
                  ),
                },
                {
                  key: 'publish',
                  label: '公开通报',
                  children: notice.publish ? (notice.publishedAt ? `是（${formatTime(notice.publishedAt)} 公开）` : '是') : '否',
                },
                { key: 'inspection', label: '检查', children: <Link to={`/inspections/${notice.inspectionId}`}>查看检查</Link> },
                ...(notice.withdrawal
                  ? [{ key: 'withdrawal', label: '撤销', children: `${formatTime(notice.withdrawal.withdrawnAt)}：${notice.withdrawal.reason}` }]
                  : []),
              ]}
            />
            <a href={`/api/v1/rectifications/${notice.id}/notice.docx`} download style={{ display: 'inline-block', marginTop: 8 }}>
              下载整改通知书
            </a>
          </Card>
          <Card size="small" title={heading('整改的问题')}>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {notice.findings.map((finding) => (
                <li key={finding.code}>
                  {finding.code} {finding.description}
                </li>
              ))}
            </ol>
          </Card>
          <Card size="small" title={heading('整改报告')}>
            <CardList items={notice.reports} empty="幼儿园尚未提交整改报告">
              {(report) => (
                <Card
                  key={report.reportNo}
                  size="small"
                  type="inner"
                  title={`第 ${report.reportNo} 次报告 · ${formatTime(report.submittedAt)}${report.late ? '（逾期提交）' : ''}`}
                >
                  <Typography.Paragraph>{report.summary}</Typography.Paragraph>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {report.actions.map((action) => (
                      <li key={action.findingCode}>
                        {action.findingCode}：{action.action}
                      </li>
                    ))}
                  </ul>
                  <div style={{ marginTop: 8 }}>
                    <EvidenceList items={report.evidence} />
                  </div>
                  {report.review && (
                    <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                      审核：{report.review.decision === 'accept' ? '通过' : '退回'}，{report.review.comment}
                    </Typography.Paragraph>
                  )}
                </Card>
              )}
            </CardList>
          </Card>
          {notice.status === 'submitted' && <ReviewCard notice={notice} />}
          <ExtensionCard notice={notice} />
          <CaseActions notice={notice} />
          <CaseTimeline notice={notice} />
        </Flex>
      )}
    </QueryState>
  );
};
