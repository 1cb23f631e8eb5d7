import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { INSPECTION_KIND, OUTCOME, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime, today } from '../../../lib/time';
import {
  useAmendFinding,
  useCancelInspection,
  useConclude,
  useDeadlinePreview,
  useInspection,
  useIssueNotice,
  useRecordFinding,
  useReschedule,
  useWithdrawFinding,
} from '../api';

const SEVERITY: Record<string, string> = { minor: '一般', major: '较重', critical: '严重' };

const STATUS: Record<string, { text: string; color: string }> = {
  scheduled: { text: '待检查', color: TAG_COLOR.info },
  concluded: { text: '已结论', color: TAG_COLOR.success },
  cancelled: { text: '已取消', color: TAG_COLOR.neutral },
};

type Severity = 'minor' | 'major' | 'critical';
interface Finding {
  code: string;
  description: string;
  severity: Severity;
}

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** An inspection: record findings, conclude, and for a failed one issue the rectification notice with its deadline preview. */
export const InspectionPage = () => {
  const { id = '' } = useParams();
  const query = useInspection(id);
  const record = useRecordFinding(id);
  const conclude = useConclude(id);
  const [findingForm] = Form.useForm();
  const [correcting, setCorrecting] = useState<{ finding: Finding; action: 'amend' | 'withdraw' } | null>(null);
  return (
    <QueryState query={query}>
      {(inspection) => (
        <Flex vertical gap={16}>
          <Flex align="baseline" gap={8} wrap>
            <Typography.Title level={2} style={{ marginBottom: 0 }}>
              {label(INSPECTION_KIND, inspection.kind)}（{inspection.year}年）
            </Typography.Title>
            <Tag color={STATUS[inspection.status].color}>{STATUS[inspection.status].text}</Tag>
          </Flex>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'kg', label: '幼儿园', children: <Link to={`/kindergartens/${inspection.kindergartenId}`}>查看幼儿园</Link> },
                { key: 'on', label: '计划日期', children: formatDate(inspection.scheduledOn) },
                {
                  key: 'outcome',
                  label: '结论',
                  children:
                    inspection.status === 'concluded'
                      ? label(OUTCOME, inspection.outcome)
                      : inspection.status === 'cancelled'
                        ? '已取消，不作结论'
                        : '尚未作出结论',
                },
                ...(inspection.cancellation
                  ? [
                      { key: 'cancelledAt', label: '取消时间', children: formatTime(inspection.cancellation.cancelledAt) },
                      { key: 'cancelReason', label: '取消原因', children: inspection.cancellation.reason },
                    ]
                  : []),
                ...(inspection.concludedAt ? [{ key: 'at', label: '结论时间', children: formatTime(inspection.concludedAt) }] : []),
                ...(inspection.summary ? [{ key: 'summary', label: '结论说明', children: inspection.summary }] : []),
              ]}
            />
          </Card>
          <Card size="small" title={heading('检查发现的问题')}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={inspection.findings}
              locale={{ emptyText: emptyText('尚未登记问题') }}
              columns={[
                { title: '编号', dataIndex: 'code' },
                { title: '问题', dataIndex: 'description' },
                { title: '程度', dataIndex: 'severity', render: (value: string) => label(SEVERITY, value) },
                ...(inspection.status === 'scheduled'
                  ? [
                      {
                        title: '更正',
                        key: 'correct',
                        render: (_: unknown, finding: Finding) => (
                          <Flex gap={4}>
                            <Button size="small" aria-label={`修改问题 ${finding.code}`} onClick={() => setCorrecting({ finding, action: 'amend' })}>
                              修改
                            </Button>
                            <Button
                              size="small"
                              danger
                              aria-label={`撤回问题 ${finding.code}`}
                              onClick={() => setCorrecting({ finding, action: 'withdraw' })}
                            >
                              撤回
                            </Button>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {inspection.status === 'scheduled' && (
              <>
                {record.error && <Alert type="error" showIcon title={problemMessage(record.error)} style={{ marginBlock: 12 }} />}
                <Form
                  form={findingForm}
                  layout="inline"
                  style={{ marginTop: 12 }}
                  initialValues={{ severity: 'major' }}
                  onFinish={(values) => record.mutate(values, { onSuccess: () => findingForm.resetFields() })}
                >
                  <Form.Item
                    label="编号"
                    name="code"
                    rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, message: '字母或数字，至多32位' }]}
                  >
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item label="问题描述" name="description" rules={[{ required: true, message: '请描述问题' }]}>
                    <Input style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item label="程度" name="severity">
                    <Select style={{ width: 100 }} options={Object.entries(SEVERITY).map(([value, text]) => ({ value, label: text }))} />
                  </Form.Item>
                  <Button htmlType="submit" loading={record.isPending}>
                    登记问题
                  </Button>
                </Form>
              </>
            )}
            {inspection.withdrawnFindings.length > 0 && (
              <>
                <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
                  已撤回的问题
                </Typography.Title>
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={inspection.withdrawnFindings}
                  columns={[
                    { title: '编号', dataIndex: 'code' },
                    { title: '问题', dataIndex: 'description' },
                    { title: '程度', dataIndex: 'severity', render: (value: string) => label(SEVERITY, value) },
                    { title: '撤回原因', dataIndex: 'reason' },
                    { title: '撤回时间', dataIndex: 'withdrawnAt', render: formatTime },
                  ]}
                />
              </>
            )}
          </Card>
          {inspection.status === 'scheduled' && <Corrections id={inspection.id} year={inspection.year} scheduledOn={inspection.scheduledOn} />}
          {inspection.status === 'scheduled' && (
            <Card size="small" title={heading('作出结论')}>
              {conclude.error && <Alert type="error" showIcon title={problemMessage(conclude.error)} style={{ marginBottom: 12 }} />}
              <Form layout="vertical" onFinish={(values) => conclude.mutate(values)} style={{ maxWidth: 560 }}>
                <Form.Item label="结论" name="outcome" rules={[{ required: true, message: '请选择结论' }]}>
                  <Radio.Group
                    options={[
                      { value: 'passed', label: '合格' },
                      { value: 'failed', label: '不合格' },
                    ]}
                  />
                </Form.Item>
                <Form.Item label="结论说明" name="summary" rules={[{ required: true, message: '请填写结论说明' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={conclude.isPending}>
                  作出结论
                </Button>
              </Form>
            </Card>
          )}
          {inspection.status === 'concluded' && inspection.outcome === 'failed' && (
            <IssueNotice kindergartenId={inspection.kindergartenId} inspectionId={inspection.id} findings={inspection.findings} />
          )}
          {correcting && <CorrectFinding inspectionId={inspection.id} {...correcting} onClose={() => setCorrecting(null)} />}
        </Flex>
      )}
    </QueryState>
  );
};

interface NoticeForm {
  findingCodes: string[];
  workingDays: number;
  publish: boolean;
}

/** 下发整改通知: the deadline in working days, previewed from the official calendar before issuing. */
const IssueNotice = ({
  kindergartenId,
  inspectionId,
  findings,
}: {
  kindergartenId: string;
  inspectionId: string;
  findings: Array<{ code: string; description: string }>;
}) => {
  const issue = useIssueNotice();
  const navigate = useNavigate();
  const [workingDays, setWorkingDays] = useState<number | null>(10);
  const preview = useDeadlinePreview(today(), workingDays);
  return (
    <Card size="small" title={heading('下发整改通知')}>
      {issue.error && <Alert type="error" showIcon title={problemMessage(issue.error)} style={{ marginBottom: 12 }} />}
      <Form<NoticeForm>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ findingCodes: findings.map((finding) => finding.code), workingDays: 10, publish: true }}
        onFinish={({ findingCodes, workingDays: days, publish }) =>
          issue.mutate(
            { kindergartenId, inspectionId, findingCodes, deadline: { workingDays: days }, publish },
            { onSuccess: (notice) => void navigate(`/cases/${notice.id}`) },
          )
        }
      >
        {/* a validator rather than `required`: Ant Design would put aria-required on the group's div, which axe refuses */}
        <Form.Item
          label="整改的问题"
          name="findingCodes"
          rules={[{ validator: (_, codes?: string[]) => (codes?.length ? Promise.resolve() : Promise.reject(new Error('至少选择一个问题'))) }]}
        >
          <Checkbox.Group
            role="group"
            aria-label="整改的问题"
            options={findings.map((finding) => ({ value: finding.code, label: `${finding.code} ${finding.description}` }))}
          />
        </Form.Item>
        <Form.Item
          label="整改期限（工作日）"
          name="workingDays"
          rules={[{ required: true, message: '请填写1至90个工作日' }]}
          extra={
            <span aria-live="polite">
              {preview.isFetching
                ? '正在按工作日历计算…'
                : preview.data
                  ? `整改期限：${formatTime(preview.data.dueAt)}（按国务院公布的节假日安排计算，下发当日不计）`
                  : preview.error
                    ? problemMessage(preview.error)
                    : ''}
            </span>
          }
        >
          <InputNumber min={1} max={90} onChange={(value) => setWorkingDays(typeof value === 'number' ? value : null)} />
        </Form.Item>
        <Form.Item label="公开通报" name="publish" valuePropName="checked">
          <Switch checkedChildren="公开" unCheckedChildren="不公开" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          下发整改通知
        </Button>
      </Form>
    </Card>
  );
};

/** 修改 or 撤回 a finding before the conclusion, in a dialog. */
const CorrectFinding = ({
  inspectionId,
  finding,
  action,
  onClose,
}: {
  inspectionId: string;
  finding: Finding;
  action: 'amend' | 'withdraw';
  onClose: () => void;
}) => {
  const amend = useAmendFinding(inspectionId);
  const withdraw = useWithdrawFinding(inspectionId);
  const [form] = Form.useForm();
  const pending = action === 'amend' ? amend : withdraw;
  const submit = (values: { description: string; severity: Severity; reason: string }) => {
    if (action === 'amend') amend.mutate({ code: finding.code, description: values.description, severity: values.severity }, { onSuccess: onClose });
    else withdraw.mutate({ code: finding.code, reason: values.reason }, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      title={action === 'amend' ? `修改问题 ${finding.code}` : `撤回问题 ${finding.code}`}
      okText={action === 'amend' ? '保存修改' : '确认撤回'}
      cancelText="返回"
      okButtonProps={{ danger: action === 'withdraw', loading: pending.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {pending.error && <Alert type="error" showIcon title={problemMessage(pending.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name={`${action}-finding`} layout="vertical" initialValues={finding} onFinish={submit}>
        {action === 'amend' ? (
          <>
            <Form.Item label="修改后的描述" name="description" rules={[{ required: true, whitespace: true, message: '请描述问题' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item label="修改后的程度" name="severity">
              <Select options={Object.entries(SEVERITY).map(([value, text]) => ({ value, label: text }))} />
            </Form.Item>
          </>
        ) : (
          <>
            <Typography.Paragraph>
              {finding.code} {finding.description}
            </Typography.Paragraph>
            <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
};

/** 改期 and 取消检查: only before the conclusion; a cancellation is final, so it asks first. */
const Corrections = ({ id, year, scheduledOn }: { id: string; year: number; scheduledOn: string }) => {
  const reschedule = useReschedule(id);
  const cancel = useCancelInspection(id);
  const { modal } = App.useApp();
  const [rescheduleForm] = Form.useForm();
  const [cancelForm] = Form.useForm();
  const confirmCancel = ({ reason }: { reason: string }) =>
    void modal.confirm({
      title: '确定取消本次检查？',
      content: '取消后不能恢复；已取消的年检仍占用本年度。',
      okText: '确定取消',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () => cancel.mutateAsync({ reason }).catch(() => undefined),
    });
  return (
    <Card size="small" title={heading('改期或取消')}>
      <Flex vertical gap={16}>
        {reschedule.error && <Alert type="error" showIcon title={problemMessage(reschedule.error)} />}
        <Form
          form={rescheduleForm}
          name="reschedule"
          layout="inline"
          initialValues={{ scheduledOn }}
          onFinish={(values: { scheduledOn: string; reason: string }) =>
            reschedule.mutate(values, { onSuccess: () => rescheduleForm.resetFields(['reason']) })
          }
        >
          <Form.Item
            label="新的计划日期"
            name="scheduledOn"
            rules={[
              { required: true, message: '请选择日期' },
              {
                validator: (_, value?: string) =>
                  !value || value.startsWith(`${year}-`) ? Promise.resolve() : Promise.reject(new Error('检查日期须在所选年度内')),
              },
            ]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item label="改期原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写改期原因' }]}>
            <Input style={{ width: 240 }} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={reschedule.isPending}>
            改期
          </Button>
        </Form>
        {cancel.error && <Alert type="error" showIcon title={problemMessage(cancel.error)} />}
        <Form form={cancelForm} name="cancel" layout="inline" onFinish={confirmCancel}>
          <Form.Item label="取消原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
            <Input style={{ width: 240 }} maxLength={2000} />
          </Form.Item>
          <Button danger htmlType="submit" loading={cancel.isPending}>
            取消检查
          </Button>
        </Form>
      </Flex>
    </Card>
  );
};
