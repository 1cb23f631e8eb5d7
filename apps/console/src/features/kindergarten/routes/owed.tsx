import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { NavButton } from '../../../components/nav-button';
import { PageEmpty, PageError, PageLoading } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, ENROLMENT_STATUS, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime } from '../../../lib/time';
import { useKindergarten, useOwedCases, type Case, type Kindergarten } from '../api';
import { countdown, statementOpen } from '../deadline';
import { OwnKindergarten } from '../own-kindergarten';

const NEXT_STEP: Record<string, string> = {
  issued: '请确认收到，并在期限内提交整改报告',
  acknowledged: '请在期限内提交整改报告',
  returned: '整改报告被退回，请重新整改并提交',
  submitted: '整改报告已提交，等待教育局审核',
};

const Enrolment = ({ kindergarten }: { kindergarten: Kindergarten }) => {
  const { proposal, suspension, status } = kindergarten.enrolment;
  if (status === 'suspended')
    return (
      <Alert
        type="error"
        showIcon
        title={`本园已${label(ENROLMENT_STATUS, status)}`}
        description={`自 ${formatDate(suspension?.effectiveFrom ?? kindergarten.suspension?.effectiveFrom)} 起暂停招生。`}
        action={<NavButton to="/owed/statement">查看决定</NavButton>}
      />
    );
  if (!proposal) return null;
  if (statementOpen(kindergarten))
    return (
      <Alert
        type="warning"
        showIcon
        title="暂停招生告知：请陈述申辩"
        description={`教育局拟自 ${formatDate(proposal.proposedFrom)} 起暂停本园招生。陈述申辩期限：${formatTime(proposal.statementDueAt)}`}
        action={
          <NavButton to="/owed/statement" type="primary" size="small">
            陈述申辩
          </NavButton>
        }
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      title="暂停招生告知"
      description={
        proposal.statement
          ? '已提交陈述申辩，等待教育局决定。'
          : proposal.waived
            ? '已放弃陈述申辩，等待教育局决定。'
            : '陈述申辩期限已过，等待教育局决定。'
      }
      action={<NavButton to="/owed/statement">查看</NavButton>}
    />
  );
};

const OwedCase = ({ notice }: { notice: Case }) => {
  const left = countdown(notice);
  const title = notice.documentNo ?? '整改通知';
  return (
    <Card
      size="small"
      title={
        <Link to={`/owed/${notice.id}`} style={{ whiteSpace: 'normal' }}>
          {title}
        </Link>
      }
      extra={<Tag color={CASE_STATUS_COLOR[notice.status]}>{label(CASE_STATUS, notice.status)}</Tag>}
      style={left?.overdue ? { borderColor: TAG_COLOR.danger } : undefined}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'dueAt',
            label: '整改期限',
            children: (
              <Flex gap={8} wrap align="center">
                <span>{formatTime(notice.dueAt)}</span>
                {left && <Tag color={left.overdue ? TAG_COLOR.danger : TAG_COLOR.info}>{left.text}</Tag>}
              </Flex>
            ),
          },
          { key: 'findings', label: '问题', children: notice.findings.map((finding) => finding.description).join('；') },
          { key: 'next', label: '办理', children: NEXT_STEP[notice.status] ?? '—' },
        ]}
      />
      <NavButton to={`/owed/${notice.id}`} type="primary" block style={{ marginTop: 8 }} aria-label={`办理 ${title}`}>
        查看并办理
      </NavButton>
    </Card>
  );
};

/** 待办: the director's home, what the kindergarten owes and by when. */
export const Owed = () => <OwnKindergarten>{(kindergartenId) => <OwedPage kindergartenId={kindergartenId} />}</OwnKindergarten>;

const OwedPage = ({ kindergartenId }: { kindergartenId: string }) => {
  const kindergarten = useKindergarten(kindergartenId);
  const cases = useOwedCases(kindergartenId);
  const failed = kindergarten.error ?? cases.error;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          待办
        </Typography.Title>
        {kindergarten.data && <Typography.Text>{kindergarten.data.name}</Typography.Text>}
      </div>
      {kindergarten.isPending || cases.isPending ? (
        <PageLoading />
      ) : failed || !kindergarten.data || !cases.data ? (
        <PageError error={failed} onRetry={() => void Promise.all([kindergarten.refetch(), cases.refetch()])} />
      ) : (
        <>
          <Enrolment kindergarten={kindergarten.data} />
          {cases.data.length === 0 ? (
            <PageEmpty>{kindergarten.data.enrolment.proposal ? '暂无整改待办' : '暂无待办'}</PageEmpty>
          ) : (
            <Flex vertical gap={12}>
              {cases.data.map((notice) => (
                <OwedCase key={notice.id} notice={notice} />
              ))}
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
};
