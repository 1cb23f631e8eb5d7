import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { CardList, QueryState } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, TAG_COLOR, label } from '../../../lib/labels';
import { COUNTY_ZONE, dayjs, formatTime } from '../../../lib/time';
import { EvidenceList } from '../../attachments/evidence-list';
import { EvidenceUploader, atMostFiles, citedEvidence, uploadsFinished, type EvidenceDraft } from '../../attachments/evidence-uploader';
import { noticeDocxUrl, useAcknowledge, useCase, useRequestExtension, useSubmitReport, type Case } from '../api';
import { beforeDeadline, countdown } from '../deadline';

const EXTENSION_STATUS: Record<string, string> = { pending: '待审批', granted: '已批准', denied: '未批准' };
const EXTENSION_COLOR: Record<string, string> = { pending: TAG_COLOR.warning, granted: TAG_COLOR.success, denied: TAG_COLOR.danger };
const REPORTABLE = new Set(['acknowledged', 'returned']);
const EXTENDABLE = new Set(['issued', 'acknowledged', 'returned']);

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const Failure = ({ error }: { error: unknown }) =>
  error ? <Alert type="error" showIcon title={problemMessage(error)} style={{ marginBottom: 12 }} /> : null;

const Acknowledge = ({ notice }: { notice: Case }) => {
  const acknowledge = useAcknowledge(notice.id);
  const { message } = App.useApp();
  return (
    <Card size="small" title={heading('确认收到')}>
      <Failure error={acknowledge.error} />
      <Typography.Paragraph>请阅读整改通知后确认收到，然后按期提交整改报告。</Typography.Paragraph>
      <Button
        type="primary"
        block
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate(undefined, { onSuccess: () => void message.success('已确认收到') })}
      >
        确认收到
      </Button>
    </Card>
  );
};

interface ReportForm {
  summary: string;
  actions: Record<string, string>;
  evidence?: EvidenceDraft[];
}

const SubmitReport = ({ notice }: { notice: Case }) => {
  const submit = useSubmitReport(notice.id);
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const send = (values: ReportForm) =>
    submit.mutate(
      {
        summary: values.summary.trim(),
        actions: notice.findings.map((finding) => ({ findingCode: finding.code, action: values.actions[finding.code].trim() })),
        evidence: citedEvidence(values.evidence),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success('整改报告已提交');
        },
      },
    );
  return (
    <Card size="small" title={heading(notice.status === 'returned' ? '重新提交整改报告' : '提交整改报告')}>
      <Failure error={submit.error} />
      <Form<ReportForm> form={form} layout="vertical" onFinish={send} disabled={submit.isPending}>
        <Form.Item
          label="整改情况说明"
          name="summary"
          rules={[
            { required: true, whitespace: true, message: '请填写整改情况说明' },
            { max: 5000, message: '不超过5000字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {notice.findings.map((finding) => (
          <Form.Item
            key={finding.code}
            label={`问题 ${finding.code}：${finding.description}`}
            name={['actions', finding.code]}
            rules={[
              { required: true, whitespace: true, message: '每个问题都须填写整改措施' },
              { max: 2000, message: '不超过2000字' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="写明采取的整改措施" />
          </Form.Item>
        ))}
        <Form.Item
          label="整改照片或材料"
          name="evidence"
          rules={[uploadsFinished, atMostFiles(100)]}
          extra="可拍照或从相册选择，支持图片和 PDF，单个文件不超过 20 MB"
        >
          <EvidenceUploader />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          提交整改报告
        </Button>
      </Form>
    </Card>
  );
};

interface ExtensionForm {
  requestedDate: string;
  reason: string;
}

const RequestExtension = ({ notice }: { notice: Case }) => {
  const request = useRequestExtension(notice.id);
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const dueDate = dayjs(notice.dueAt).tz(COUNTY_ZONE).format('YYYY-MM-DD');
  const earliest = dayjs(notice.dueAt).tz(COUNTY_ZONE).add(1, 'day').format('YYYY-MM-DD');
  return (
    <Card size="small" title={heading('申请延期')}>
      {!open ? (
        <Button block onClick={() => setOpen(true)}>
          申请延期
        </Button>
      ) : (
        <>
          <Failure error={request.error} />
          <Form<ExtensionForm>
            layout="vertical"
            disabled={request.isPending}
            onFinish={(values) =>
              request.mutate(
                { requestedDueAt: `${values.requestedDate}T23:59:59+08:00`, reason: values.reason.trim() },
                {
                  onSuccess: () => {
                    setOpen(false);
                    void message.success('延期申请已提交');
                  },
                },
              )
            }
          >
            <Form.Item
              label="申请延期至"
              name="requestedDate"
              extra={`须晚于当前整改期限 ${formatTime(notice.dueAt)}`}
              rules={[
                { required: true, message: '请选择申请延期到的日期' },
                {
                  validator: (_, value: string | undefined) =>
                    !value || value > dueDate ? Promise.resolve() : Promise.reject(new Error('申请的期限须晚于当前整改期限')),
                },
              ]}
            >
              <Input type="date" min={earliest} />
            </Form.Item>
            <Form.Item
              label="延期理由"
              name="reason"
              rules={[
                { required: true, whitespace: true, message: '请填写延期理由' },
                { max: 2000, message: '不超过2000字' },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={request.isPending} style={{ flex: 1 }}>
                提交延期申请
              </Button>
              <Button onClick={() => setOpen(false)}>取消</Button>
            </Flex>
          </Form>
        </>
      )}
    </Card>
  );
};

const Extension = ({ extension }: { extension: NonNullable<Case['extension']> }) => (
  <Card size="small" title={heading('延期申请')}>
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: '状态', children: <Tag color={EXTENSION_COLOR[extension.status]}>{label(EXTENSION_STATUS, extension.status)}</Tag> },
        { key: 'to', label: '申请延期至', children: formatTime(extension.requestedDueAt) },
        { key: 'reason', label: '理由', children: extension.reason },
        { key: 'at', label: '申请时间', children: formatTime(extension.requestedAt) },
        ...(extension.decidedAt
          ? [
              { key: 'decidedAt', label: '审批时间', children: formatTime(extension.decidedAt) },
              { key: 'decision', label: '审批意见', children: extension.decisionReason ?? '—' },
            ]
          : []),
      ]}
    />
  </Card>
);

const Reports = ({ notice }: { notice: Case }) => (
  <Card size="small" title={heading('整改报告')}>
    <CardList items={[...notice.reports].reverse()} empty="尚未提交整改报告">
      {(report) => (
        <Card
          key={report.reportNo}
          size="small"
          type="inner"
          title={<span style={{ whiteSpace: 'normal' }}>{`第 ${report.reportNo} 次报告 · ${formatTime(report.submittedAt)}`}</span>}
          extra={report.late ? <Tag color={TAG_COLOR.danger}>逾期提交</Tag> : <Tag color={TAG_COLOR.success}>按期提交</Tag>}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.summary}</Typography.Paragraph>
          <ul style={{ margin: '0 0 12px', paddingInlineStart: 20 }}>
            {report.actions.map((action) => (
              <li key={action.findingCode} style={{ overflowWrap: 'anywhere' }}>
                {action.findingCode}：{action.action}
              </li>
            ))}
          </ul>
          <EvidenceList items={report.evidence} />
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {report.review
              ? `审核：${report.review.decision === 'accept' ? '通过' : '退回重新整改'}。${report.review.comment}`
              : '审核：等待教育局审核'}
          </Typography.Paragraph>
        </Card>
      )}
    </CardList>
  </Card>
);

/** A case as the kindergarten sees it: the notice, its deadline, and what its state lets the director do. */
export const OwedCasePage = () => {
  const { id = '' } = useParams();
  const query = useCase(id);
  return (
    <QueryState query={query}>
      {(notice) => {
        const left = countdown(notice);
        const canExtend = EXTENDABLE.has(notice.status) && beforeDeadline(notice.dueAt) && notice.extension?.status !== 'pending';
        return (
          <Flex vertical gap={16}>
            <div>
              <Typography.Title level={2} style={{ marginBottom: 0 }}>
                整改通知
              </Typography.Title>
              {notice.documentNo && <Typography.Text>{notice.documentNo}</Typography.Text>}
            </div>
            <Card size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'status',
                    label: '状态',
                    children: (
                      <Flex gap={4} wrap>
                        <Tag color={CASE_STATUS_COLOR[notice.status]}>{label(CASE_STATUS, notice.status)}</Tag>
                        {notice.overdue && <Tag color={TAG_COLOR.danger}>已逾期</Tag>}
                      </Flex>
                    ),
                  },
                  { key: 'issuedAt', label: '下发时间', children: formatTime(notice.issuedAt) },
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
                  ...(notice.deadlineReset
                    ? [
                        {
                          key: 'reset',
                          label: '期限调整',
                          children: `原期限 ${formatTime(notice.deadlineReset.previousDueAt)}，${notice.deadlineReset.reason}`,
                        },
                      ]
                    : []),
                  ...(notice.withdrawal ? [{ key: 'withdrawal', label: '撤销理由', children: notice.withdrawal.reason }] : []),
                ]}
              />
              <Button icon={<DownloadOutlined />} href={noticeDocxUrl(notice.id)} download block style={{ marginTop: 8 }}>
                下载整改通知书（Word）
              </Button>
            </Card>
            <Card size="small" title={heading('整改的问题')}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {notice.findings.map((finding) => (
                  <li key={finding.code} style={{ overflowWrap: 'anywhere' }}>
                    {finding.code} {finding.description}
                  </li>
                ))}
              </ol>
            </Card>
            {notice.status === 'issued' && <Acknowledge notice={notice} />}
            {REPORTABLE.has(notice.status) && <SubmitReport notice={notice} />}
            {notice.extension && <Extension extension={notice.extension} />}
            {canExtend && <RequestExtension notice={notice} />}
            <Reports notice={notice} />
          </Flex>
        );
      }}
    </QueryState>
  );
};
