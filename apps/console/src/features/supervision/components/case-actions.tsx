import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Radio, Select, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProblem, problemMessage } from '../../../api/problems';
import { emptyText } from '../../../components/page-state';
import { OUTCOME, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime } from '../../../lib/time';
import { useExtensionDecision, useFollowUp, useInspections, usePublish, useResetDeadline, useReview, useWithdraw, type Case } from '../api';
import { DEADLINE_DEFAULTS, DeadlineFields, deadlineBody, type DeadlineValues } from './deadline-fields';

const OWES_REPORT = ['issued', 'acknowledged', 'returned'];
const OPEN = [...OWES_REPORT, 'submitted'];
const EXTENSION_STATUS: Record<string, string> = { pending: '待审批', granted: '已同意', denied: '未同意' };

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const Problem = ({ error }: { error: unknown }) =>
  error ? <Alert type="error" showIcon title={problemMessage(error)} style={{ marginBottom: 12 }} /> : null;

const pastDeadline = (notice: Case): boolean => Date.now() >= Date.parse(notice.dueAt);

/** 审核整改报告: accept, or return; a return at or after the deadline sets a new one (422 deadline-required otherwise). */
export const ReviewCard = ({ notice }: { notice: Case }) => {
  const review = useReview(notice);
  const [form] = Form.useForm<{ decision: 'accept' | 'return'; comment: string } & DeadlineValues>();
  const decision = Form.useWatch('decision', form);
  const refusedWithoutDeadline = review.error instanceof ApiProblem && review.error.code === 'deadline-required';
  const needsDeadline = decision === 'return' && (pastDeadline(notice) || refusedWithoutDeadline);
  return (
    <Card size="small" title={heading('审核整改报告')}>
      <Problem error={review.error} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={DEADLINE_DEFAULTS}
        onFinish={({ decision: chosen, comment, ...deadline }) =>
          review.mutate({ decision: chosen, comment, ...(chosen === 'return' && needsDeadline ? { deadline: deadlineBody(deadline) } : {}) })
        }
      >
        <Form.Item label="审核结果" name="decision" rules={[{ required: true, message: '请选择审核结果' }]}>
          <Radio.Group
            options={[
              { value: 'accept', label: '通过' },
              { value: 'return', label: '退回重新整改' },
            ]}
          />
        </Form.Item>
        <Form.Item label="审核意见" name="comment" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写审核意见' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {needsDeadline && (
          <>
            <Alert type="info" showIcon title="整改期限已过，退回时须重新设定期限" style={{ marginBottom: 12 }} />
            <DeadlineFields />
          </>
        )}
        <Button type="primary" htmlType="submit" loading={review.isPending}>
          提交审核
        </Button>
      </Form>
    </Card>
  );
};

/** 延期申请: the latest request; while it awaits a decision, approve or refuse it with a reason. */
export const ExtensionCard = ({ notice }: { notice: Case }) => {
  const decide = useExtensionDecision(notice);
  const { extension } = notice;
  if (!extension) return null;
  const pending = extension.status === 'pending' && OPEN.includes(notice.status);
  return (
    <Card size="small" title={heading(pending ? '延期申请（待审批）' : '延期申请')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: '状态',
            children: (
              <Tag
                color={extension.status === 'pending' ? TAG_COLOR.warning : extension.status === 'granted' ? TAG_COLOR.success : TAG_COLOR.neutral}
              >
                {label(EXTENSION_STATUS, extension.status)}
              </Tag>
            ),
          },
          { key: 'requestedAt', label: '申请时间', children: formatTime(extension.requestedAt) },
          { key: 'requestedDueAt', label: '申请延期至', children: formatTime(extension.requestedDueAt) },
          { key: 'reason', label: '申请理由', children: extension.reason },
          ...(extension.decidedAt
            ? [
                { key: 'decidedAt', label: '审批时间', children: formatTime(extension.decidedAt) },
                { key: 'decisionReason', label: '审批意见', children: extension.decisionReason },
              ]
            : []),
        ]}
      />
      {pending && (
        <>
          <Problem error={decide.error} />
          <Form<{ approve: boolean; reason: string }>
            layout="vertical"
            style={{ maxWidth: 560, marginTop: 12 }}
            onFinish={(values) => decide.mutate(values)}
          >
            <Form.Item label="审批结果" name="approve" rules={[{ required: true, message: '请选择审批结果' }]}>
              <Radio.Group
                options={[
                  { value: true, label: '同意延期' },
                  { value: false, label: '不同意延期' },
                ]}
              />
            </Form.Item>
            <Form.Item label="审批意见" name="reason" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写审批意见' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              提交审批
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
};

/** A dialog holding one action's form; it closes when the action succeeded. */
const ActionModal = ({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) => (
  <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden>
    {children}
  </Modal>
);

const FollowUpForm = ({ notice, onDone }: { notice: Case; onDone: () => void }) => {
  const followUp = useFollowUp(notice);
  const inspections = useInspections(notice.kindergartenId);
  const [form] = Form.useForm<{ inspectionId: string }>();
  const chosenId = Form.useWatch('inspectionId', form);
  // a follow-up inspection of this kindergarten, concluded after the notice was issued
  const eligible = (inspections.data?.items ?? []).filter(
    (inspection) =>
      inspection.kind === 'follow-up' &&
      inspection.status === 'concluded' &&
      inspection.concludedAt !== null &&
      Date.parse(inspection.concludedAt) > Date.parse(notice.issuedAt),
  );
  const chosen = eligible.find((inspection) => inspection.id === chosenId);
  return (
    <>
      <Problem error={followUp.error ?? inspections.error} />
      <Form form={form} layout="vertical" onFinish={(values) => followUp.mutate(values, { onSuccess: onDone })}>
        <Form.Item
          label="复查"
          name="inspectionId"
          rules={[{ required: true, message: '请选择复查' }]}
          extra="本通知下发后已作出结论的复查；先在幼儿园页面安排并完成复查"
        >
          <Select
            loading={inspections.isPending}
            notFoundContent={emptyText('没有可引用的复查')}
            options={eligible.map((inspection) => ({
              value: inspection.id,
              label: `${formatDate(inspection.concludedAt)} 复查：${label(OUTCOME, inspection.outcome)}`,
            }))}
          />
        </Form.Item>
        {chosen && (
          <Alert
            type={chosen.outcome === 'passed' ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={chosen.outcome === 'passed' ? '复查合格：记录后整改通知办结' : '复查不合格：记录后整改通知认定为整改后仍不达标，可据此拟暂停招生'}
          />
        )}
        <Button type="primary" htmlType="submit" loading={followUp.isPending}>
          记录复查结果
        </Button>
      </Form>
    </>
  );
};

const DeadlineForm = ({ notice, onDone }: { notice: Case; onDone: () => void }) => {
  const reset = useResetDeadline(notice);
  return (
    <>
      <Problem error={reset.error} />
      <Form<DeadlineValues & { reason: string }>
        layout="vertical"
        initialValues={DEADLINE_DEFAULTS}
        onFinish={({ reason, ...deadline }) => reset.mutate({ deadline: deadlineBody(deadline), reason }, { onSuccess: onDone })}
      >
        <Typography.Paragraph>当前整改期限：{formatTime(notice.dueAt)}</Typography.Paragraph>
        <DeadlineFields />
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reset.isPending}>
          确定新期限
        </Button>
      </Form>
    </>
  );
};

const WithdrawForm = ({ notice, onDone }: { notice: Case; onDone: () => void }) => {
  const withdraw = useWithdraw(notice);
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="撤销后本通知终止，不再提醒，且不可恢复；已公开的通知在公示栏标注“已撤销”及理由。"
        style={{ marginBottom: 12 }}
      />
      <Problem error={withdraw.error} />
      <Form<{ reason: string }> layout="vertical" onFinish={(values) => withdraw.mutate(values, { onSuccess: onDone })}>
        <Form.Item label="撤销理由" name="reason" rules={[{ required: true, whitespace: true, max: 2000, message: '请填写撤销理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button danger type="primary" htmlType="submit" loading={withdraw.isPending}>
          确认撤销
        </Button>
      </Form>
    </>
  );
};

type Action = 'follow-up' | 'deadline' | 'withdraw';

/** 办理: what the case's state allows besides review and the extension: follow-up, new deadline, publish, withdraw. */
export const CaseActions = ({ notice }: { notice: Case }) => {
  const [open, setOpen] = useState<Action | null>(null);
  const publish = usePublish(notice);
  const close = () => setOpen(null);
  const owesReport = OWES_REPORT.includes(notice.status);
  const mayFollowUp = notice.status === 'submitted' || notice.overdue || (owesReport && pastDeadline(notice));
  const isOpen = OPEN.includes(notice.status);
  const mayPublish = !notice.publish && notice.status !== 'withdrawn';
  if (!isOpen && !mayPublish) return null;
  return (
    <Card size="small" title={heading('办理')}>
      <Problem error={publish.error} />
      <Flex gap={8} wrap>
        {isOpen && (
          <Button onClick={() => setOpen('follow-up')} disabled={!mayFollowUp} title={mayFollowUp ? undefined : '整改报告提交后或逾期后才能复查'}>
            复查
          </Button>
        )}
        {owesReport && <Button onClick={() => setOpen('deadline')}>重新设定期限</Button>}
        {mayPublish && (
          <Popconfirm
            title="公开通报本通知？"
            description="公开后将在公示栏向社会展示"
            okText="确认公开"
            cancelText="取消"
            onConfirm={() => publish.mutate()}
          >
            <Button loading={publish.isPending}>公开通报</Button>
          </Popconfirm>
        )}
        {isOpen && (
          <Button danger onClick={() => setOpen('withdraw')}>
            撤销通知
          </Button>
        )}
      </Flex>
      {isOpen && !mayFollowUp && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          复查须在幼儿园提交整改报告后或整改逾期后进行。
        </Typography.Paragraph>
      )}
      <ActionModal title="记录复查结果" open={open === 'follow-up'} onClose={close}>
        <FollowUpForm notice={notice} onDone={close} />
      </ActionModal>
      <ActionModal title="重新设定整改期限" open={open === 'deadline'} onClose={close}>
        <DeadlineForm notice={notice} onDone={close} />
      </ActionModal>
      <ActionModal title="撤销整改通知" open={open === 'withdraw'} onClose={close}>
        <WithdrawForm notice={notice} onDone={close} />
      </ActionModal>
    </Card>
  );
};
