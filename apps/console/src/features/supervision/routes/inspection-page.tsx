import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, InputNumber, Radio, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { INSPECTION_KIND, OUTCOME, label } from '../../../lib/labels';
import { formatDate, formatTime, today } from '../../../lib/time';
import { useConclude, useDeadlinePreview, useInspection, useIssueNotice, useRecordFinding } from '../api';

const SEVERITY: Record<string, string> = { minor: '一般', major: '较重', critical: '严重' };

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
  return (
    <QueryState query={query}>
      {(inspection) => (
        <Flex vertical gap={16}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {label(INSPECTION_KIND, inspection.kind)}（{inspection.year}年）
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'kg', label: '幼儿园', children: <Link to={`/kindergartens/${inspection.kindergartenId}`}>查看幼儿园</Link> },
                { key: 'on', label: '计划日期', children: formatDate(inspection.scheduledOn) },
                { key: 'outcome', label: '结论', children: inspection.status === 'concluded' ? label(OUTCOME, inspection.outcome) : '尚未作出结论' },
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
          </Card>
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
