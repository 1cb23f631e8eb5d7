import { Alert, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemMessage } from '../../../api/problems';
import { ENROLMENT_STATUS, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime, today } from '../../../lib/time';
import { useCases, useDecideSuspension, useInspections, useProposeSuspension, useReinstate, type Kindergarten } from '../api';

type Proposal = NonNullable<Kindergarten['enrolment']['proposal']>;

const heading = (text: string) => (
  <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
    {text}
  </Typography.Title>
);

const Problem = ({ error }: { error: unknown }) =>
  error ? <Alert type="error" showIcon title={problemMessage(error)} style={{ marginBottom: 12 }} /> : null;

const notBefore = (message: string) => ({
  validator: (_: unknown, date?: string) => (!date || date >= today() ? Promise.resolve() : Promise.reject(new Error(message))),
});

const documentLink = (kindergartenId: string, document: 'proposal' | 'decision', text: string) => (
  <a href={`/api/v1/kindergartens/${kindergartenId}/enrolment/${document}.docx`} download>
    {text}
  </a>
);

/** What the kindergarten said in its statement period, or that it waived it or has not spoken yet. */
const statementText = (proposal: Proposal): string => {
  if (proposal.statement) return `${formatTime(proposal.statement.submittedAt)} 提交：${proposal.statement.text}`;
  if (proposal.waived) return `${formatTime(proposal.waivedAt)} 放弃陈述申辩`;
  return Date.now() >= Date.parse(proposal.statementDueAt) ? '期限届满，幼儿园未提交陈述申辩' : '尚未提交（期限内）';
};

const ProposalDetails = ({ kindergartenId, proposal }: { kindergartenId: string; proposal: Proposal }) => (
  <>
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'proposedAt', label: '告知时间', children: formatTime(proposal.proposedAt) },
        { key: 'proposedFrom', label: '拟暂停招生日期', children: formatDate(proposal.proposedFrom) },
        { key: 'facts', label: '事实和理由', children: proposal.facts },
        { key: 'basis', label: '依据', children: proposal.basis },
        { key: 'statementDueAt', label: '陈述申辩期限', children: formatTime(proposal.statementDueAt) },
        { key: 'statement', label: '陈述申辩', children: statementText(proposal) },
      ]}
    />
    <div style={{ marginTop: 8 }}>{documentLink(kindergartenId, 'proposal', '下载暂停招生告知书')}</div>
  </>
);

/** 拟暂停招生: the notice (告知) that opens the statement period, citing a case failed at follow-up. */
const ProposeForm = ({ kindergarten }: { kindergarten: Kindergarten }) => {
  const propose = useProposeSuspension(kindergarten);
  const cases = useCases(kindergarten.id);
  const failed = (cases.data?.items ?? []).filter((notice) => notice.status === 'failed');
  if (cases.isPending) return null;
  if (failed.length === 0) {
    return <Typography.Paragraph type="secondary">没有整改后仍不达标的整改通知，不能拟暂停招生。</Typography.Paragraph>;
  }
  return (
    <>
      {heading('拟暂停招生（告知）')}
      <Problem error={propose.error ?? cases.error} />
      <Form<{ rectificationId: string; facts: string; basis: string; proposedFrom: string }>
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ rectificationId: failed[0]!.id, basis: '清政发〔2023〕52号：整改后仍不达标的，暂停其招生', proposedFrom: today() }}
        onFinish={(values) => propose.mutate(values)}
      >
        <Form.Item label="整改通知" name="rectificationId" rules={[{ required: true, message: '请选择整改通知' }]}>
          <Select
            options={failed.map((notice) => ({
              value: notice.id,
              label: `${notice.documentNo ?? '整改通知'}（${formatDate(notice.issuedAt)} 下发，整改后仍不达标）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="事实和理由" name="facts" rules={[{ required: true, whitespace: true, max: 4000, message: '请填写事实和理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="依据" name="basis" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写依据' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="拟暂停招生日期" name="proposedFrom" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          告知后幼儿园可在规定的工作日内陈述申辩，期限届满或幼儿园陈述、放弃后方可作出决定。
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={propose.isPending}>
          发出暂停招生告知
        </Button>
      </Form>
    </>
  );
};

interface DecisionValues {
  decision: 'suspend' | 'withdraw';
  reason: string;
  effectiveFrom?: string;
}

/** 决定: suspend or drop the proposal, the reason answering the statement; refused while the statement period is open. */
const DecisionForm = ({ kindergarten, proposal }: { kindergarten: Kindergarten; proposal: Proposal }) => {
  const decide = useDecideSuspension(kindergarten);
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const [confirming, setConfirming] = useState(false);
  const send = () => {
    const { decision: chosen, reason, effectiveFrom } = form.getFieldsValue();
    decide.mutate({ decision: chosen, reason, ...(chosen === 'suspend' && effectiveFrom ? { effectiveFrom } : {}) });
  };
  return (
    <>
      {heading('作出决定')}
      {!proposal.statement && !proposal.waived && Date.now() < Date.parse(proposal.statementDueAt) && (
        <Typography.Paragraph type="secondary">
          陈述申辩期限（{formatTime(proposal.statementDueAt)}）届满，或幼儿园提交、放弃陈述申辩后，方可作出决定。
        </Typography.Paragraph>
      )}
      <Problem error={decide.error} />
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ effectiveFrom: today() }}
        onFinish={() => setConfirming(true)}
      >
        <Form.Item label="决定" name="decision" rules={[{ required: true, message: '请选择决定' }]}>
          <Radio.Group
            options={[
              { value: 'suspend', label: '暂停招生' },
              { value: 'withdraw', label: '不予暂停（撤回告知）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="决定理由（对陈述申辩的答复）"
          name="reason"
          rules={[{ required: true, whitespace: true, max: 2000, message: '请填写决定理由' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {decision === 'suspend' && (
          <Form.Item label="生效日期" name="effectiveFrom" rules={[notBefore('生效日期不能早于今天')]}>
            <Input type="date" min={today()} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Popconfirm
          open={confirming}
          title={decision === 'suspend' ? '确定暂停该幼儿园招生？' : '确定不予暂停、撤回告知？'}
          description="决定作出后不可更改"
          okText="确定"
          cancelText="取消"
          onConfirm={() => {
            setConfirming(false);
            send();
          }}
          onCancel={() => setConfirming(false)}
        >
          <Button type="primary" htmlType="submit" loading={decide.isPending}>
            作出决定
          </Button>
        </Popconfirm>
      </Form>
    </>
  );
};

/** 恢复招生: cites a follow-up inspection passed after the suspension was recorded. */
const ReinstateForm = ({ kindergarten, suspendedAt }: { kindergarten: Kindergarten; suspendedAt: string }) => {
  const reinstate = useReinstate(kindergarten);
  const inspections = useInspections(kindergarten.id);
  const eligible = (inspections.data?.items ?? []).filter(
    (inspection) =>
      inspection.kind === 'follow-up' &&
      inspection.outcome === 'passed' &&
      inspection.concludedAt !== null &&
      Date.parse(inspection.concludedAt) > Date.parse(suspendedAt),
  );
  return (
    <>
      {heading('恢复招生')}
      <Problem error={reinstate.error ?? inspections.error} />
      <Form<{ inspectionId: string; reason: string }> layout="vertical" style={{ maxWidth: 640 }} onFinish={(values) => reinstate.mutate(values)}>
        <Form.Item
          label="复查"
          name="inspectionId"
          rules={[{ required: true, message: '请选择复查' }]}
          extra="暂停招生后复查合格的记录；先安排并完成复查"
        >
          <Select
            loading={inspections.isPending}
            notFoundContent="没有暂停后复查合格的记录"
            options={eligible.map((inspection) => ({ value: inspection.id, label: `${formatDate(inspection.concludedAt)} 复查：合格` }))}
          />
        </Form.Item>
        <Form.Item label="恢复理由" name="reason" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写恢复理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reinstate.isPending}>
          恢复招生
        </Button>
      </Form>
    </>
  );
};

/** 招生: the enrolment status and its due process (告知, 陈述申辩, 决定), and reinstatement. */
export const EnrolmentCard = ({ kindergarten }: { kindergarten: Kindergarten }) => {
  const { enrolment } = kindergarten;
  const suspended = enrolment.status === 'suspended';
  const pending = !suspended ? enrolment.proposal : undefined;
  const suspension = enrolment.suspension;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          招生
        </Typography.Title>
      }
    >
      <Flex vertical gap={4}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'status',
              label: '招生状态',
              children: (
                <Flex gap={4} wrap>
                  <Tag color={suspended ? TAG_COLOR.danger : TAG_COLOR.success}>{label(ENROLMENT_STATUS, enrolment.status)}</Tag>
                  {pending && <Tag color={TAG_COLOR.warning}>已告知拟暂停招生</Tag>}
                </Flex>
              ),
            },
            ...(suspended && suspension
              ? [
                  { key: 'effectiveFrom', label: '暂停生效日期', children: formatDate(suspension.effectiveFrom) },
                  { key: 'decidedAt', label: '决定时间', children: formatTime(suspension.decidedAt) },
                  { key: 'reason', label: '决定理由', children: suspension.reason },
                ]
              : []),
          ]}
        />
        {suspended && <div>{documentLink(kindergarten.id, 'decision', '下载暂停招生决定书')}</div>}
      </Flex>
      {pending && (
        <>
          {heading('暂停招生告知')}
          <ProposalDetails kindergartenId={kindergarten.id} proposal={pending} />
          <DecisionForm kindergarten={kindergarten} proposal={pending} />
        </>
      )}
      {!suspended && !pending && <ProposeForm kindergarten={kindergarten} />}
      {suspended && suspension && <ReinstateForm kindergarten={kindergarten} suspendedAt={suspension.decidedAt} />}
    </Card>
  );
};
