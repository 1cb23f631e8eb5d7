import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState } from '../../../components/page-state';
import { formatDate, formatTime } from '../../../lib/time';
import { EvidenceList } from '../../attachments/evidence-list';
import { EvidenceUploader, atMostFiles, citedEvidence, uploadsFinished, type EvidenceDraft } from '../../attachments/evidence-uploader';
import { decisionDocxUrl, proposalDocxUrl, useKindergarten, useSubmitStatement, type Kindergarten } from '../api';
import { statementOpen } from '../deadline';
import { OwnKindergarten } from '../own-kindergarten';

type Proposal = NonNullable<Kindergarten['enrolment']['proposal']>;

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

interface StatementForm {
  text: string;
  evidence?: EvidenceDraft[];
}

const StatementFormCard = ({ kindergartenId, proposal }: { kindergartenId: string; proposal: Proposal }) => {
  const submit = useSubmitStatement(kindergartenId);
  const { message, modal } = App.useApp();
  const waive = () =>
    modal.confirm({
      title: '确定放弃陈述申辩？',
      content: '放弃后不能再提交陈述申辩，教育局可以立即作出决定。',
      okText: '确定放弃',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => submit.mutateAsync({ waive: true }).then(() => void message.success('已放弃陈述申辩')),
    });
  return (
    <Card size="small" title={heading('陈述申辩')}>
      {submit.error && <Alert type="error" showIcon title={problemMessage(submit.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        您有权在 <strong>{formatTime(proposal.statementDueAt)}</strong> 前陈述意见、提出申辩，并提交证明材料；逾期视为放弃。
      </Typography.Paragraph>
      <Form<StatementForm>
        layout="vertical"
        disabled={submit.isPending}
        onFinish={(values) => {
          const attachmentIds = citedEvidence(values.evidence).map((item) => item.attachmentId);
          submit.mutate(
            { text: values.text.trim(), ...(attachmentIds.length ? { attachmentIds } : {}) },
            { onSuccess: () => void message.success('陈述申辩已提交') },
          );
        }}
      >
        <Form.Item
          label="陈述申辩意见"
          name="text"
          rules={[
            { required: true, whitespace: true, message: '请填写陈述申辩意见' },
            { max: 10000, message: '不超过10000字' },
          ]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item label="证明材料" name="evidence" rules={[uploadsFinished, atMostFiles(20)]} extra="可拍照或选择图片、PDF，最多20个">
          <EvidenceUploader />
        </Form.Item>
        <Flex vertical gap={8}>
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>
            提交陈述申辩
          </Button>
          <Button danger block onClick={waive}>
            放弃陈述申辩
          </Button>
        </Flex>
      </Form>
    </Card>
  );
};

const Answered = ({ kindergarten, proposal }: { kindergarten: Kindergarten; proposal: Proposal }) => {
  const suspension = kindergarten.enrolment.status === 'suspended' ? kindergarten.enrolment.suspension : undefined;
  return (
    <Card size="small" title={heading('陈述申辩情况')}>
      {proposal.statement ? (
        <Flex vertical gap={8}>
          <Typography.Text>已于 {formatTime(proposal.statement.submittedAt)} 提交陈述申辩：</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{proposal.statement.text}</Typography.Paragraph>
          <EvidenceList items={proposal.statement.attachmentIds.map((attachmentId) => ({ attachmentId }))} empty="未附证明材料" />
        </Flex>
      ) : proposal.waived ? (
        <Typography.Text>已于 {formatTime(proposal.waivedAt)} 放弃陈述申辩。</Typography.Text>
      ) : (
        <Typography.Text>陈述申辩期限已过，未提交陈述申辩。</Typography.Text>
      )}
      {suspension ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={`教育局已决定自 ${formatDate(suspension.effectiveFrom)} 起暂停招生`}
          description={
            <Flex vertical gap={8} align="flex-start">
              <span>决定理由：{suspension.reason}</span>
              <span>如不服本决定，可在60日内申请行政复议，或在6个月内提起行政诉讼。</span>
              <Button icon={<DownloadOutlined />} href={decisionDocxUrl(kindergarten.id)} download>
                下载暂停招生决定书（Word）
              </Button>
            </Flex>
          }
        />
      ) : (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>等待教育局作出决定。</Typography.Paragraph>
      )}
    </Card>
  );
};

/** 陈述申辩: a proposed suspension's facts, basis and deadline, its 告知书, and the statement (or its waiver). */
export const Statement = () => <OwnKindergarten>{(kindergartenId) => <StatementPage kindergartenId={kindergartenId} />}</OwnKindergarten>;

const StatementPage = ({ kindergartenId }: { kindergartenId: string }) => {
  const query = useKindergarten(kindergartenId);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        暂停招生告知
      </Typography.Title>
      <QueryState query={query} isEmpty={(kindergarten) => !kindergarten.enrolment.proposal} empty="目前没有暂停招生告知">
        {(kindergarten) => {
          const proposal = kindergarten.enrolment.proposal!;
          return (
            <>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'facts', label: '事实', children: <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.facts}</span> },
                    { key: 'basis', label: '依据', children: proposal.basis },
                    { key: 'from', label: '拟暂停招生日期', children: formatDate(proposal.proposedFrom) },
                    { key: 'due', label: '陈述申辩期限', children: formatTime(proposal.statementDueAt) },
                    { key: 'at', label: '告知时间', children: formatTime(proposal.proposedAt) },
                    { key: 'case', label: '整改通知', children: <Link to={`/owed/${proposal.rectificationId}`}>查看整改通知</Link> },
                  ]}
                />
                <Button icon={<DownloadOutlined />} href={proposalDocxUrl(kindergarten.id)} download block style={{ marginTop: 8 }}>
                  下载暂停招生告知书（Word）
                </Button>
              </Card>
              {statementOpen(kindergarten) ? (
                <StatementFormCard kindergartenId={kindergarten.id} proposal={proposal} />
              ) : (
                <Answered kindergarten={kindergarten} proposal={proposal} />
              )}
            </>
          );
        }}
      </QueryState>
    </Flex>
  );
};
