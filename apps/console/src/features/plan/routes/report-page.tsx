import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState } from '../../../components/page-state';
import { label } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { EvidenceList } from '../../attachments/evidence-list';
import {
  EvidenceUploader,
  PHOTOS_AND_FILES,
  atMostFiles,
  citedDraft,
  citedEvidence,
  uploadsFinished,
  type EvidenceDraft,
} from '../../attachments/evidence-uploader';
import { useSession } from '../../auth/session';
import { useFileReport, useMonthlyReport, usePlanTasks, type MonthlyReport, type PlanTask } from '../api';
import { REPORT_STATUS, REPORT_STATUS_COLOR, TASK_STATUS, TASK_STATUS_COLOR, periodLabel } from '../plan-labels';

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

interface FormValues {
  items: Array<{ status: 'on-track' | 'at-risk' | 'done'; progress: string }>;
  files: EvidenceDraft[];
}

/** A unit's report for a month: what was filed (and amended), or the form that files or amends it. */
export const ReportPage = () => {
  const { period = '' } = useParams();
  const unitId = useSession().data?.user.unitId ?? '';
  const report = useMonthlyReport(unitId, period);
  const tasks = usePlanTasks(unitId);
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {periodLabel(period)}月报
      </Typography.Title>
      <Link to="/monthly-reports">返回月报列表</Link>
      <QueryState query={report}>
        {(current) => (
          <QueryState query={tasks}>
            {(assigned) =>
              current?.submittedAt && !editing ? (
                <FiledReport report={current} tasks={assigned.items} onAmend={() => setEditing(true)} />
              ) : (
                <ReportForm
                  report={current}
                  tasks={assigned.items}
                  unitId={unitId}
                  period={period}
                  onDone={() => setEditing(false)}
                  onCancel={current?.submittedAt ? () => setEditing(false) : undefined}
                />
              )
            }
          </QueryState>
        )}
      </QueryState>
    </Flex>
  );
};

const taskTitle = (tasks: readonly PlanTask[], taskNo: number): string => {
  const task = tasks.find((item) => item.taskNo === taskNo);
  return task ? `${taskNo}. ${task.title}` : String(taskNo);
};

const FiledReport = ({ report, tasks, onAmend }: { report: MonthlyReport; tasks: readonly PlanTask[]; onAmend: () => void }) => (
  <Flex vertical gap={16}>
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: '状态',
            children: <Tag color={REPORT_STATUS_COLOR[report.status]}>{label(REPORT_STATUS, report.status)}</Tag>,
          },
          { key: 'dueAt', label: '截止时间', children: formatTime(report.dueAt) },
          { key: 'submittedAt', label: '提交时间', children: formatTime(report.submittedAt) },
          {
            key: 'versions',
            label: '更正',
            children:
              report.versions.length > 1 ? `已更正 ${report.versions.length - 1} 次，最近 ${formatTime(report.versions.at(-1)!.filedAt)}` : '未更正',
          },
        ]}
      />
    </Card>
    <Card size="small" title={heading('任务进展')}>
      <Flex vertical gap={12}>
        {report.items.map((item) => (
          <div key={item.taskNo}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{taskTitle(tasks, item.taskNo)}</Typography.Text>
              <Tag color={TASK_STATUS_COLOR[item.status]}>{label(TASK_STATUS, item.status)}</Tag>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{item.progress}</Typography.Paragraph>
          </div>
        ))}
      </Flex>
    </Card>
    <Card size="small" title={heading('佐证材料')}>
      <EvidenceList items={report.evidence} />
    </Card>
    <div>
      <Button type="primary" onClick={onAmend}>
        更正月报
      </Button>
    </div>
  </Flex>
);

const ReportForm = ({
  report,
  tasks,
  unitId,
  period,
  onDone,
  onCancel,
}: {
  /** null: a month not filed and not owed (before the unit was registered) */
  report: MonthlyReport | null;
  tasks: readonly PlanTask[];
  unitId: string;
  period: string;
  onDone: () => void;
  onCancel?: () => void;
}) => {
  const amend = report !== null && report.submittedAt !== null;
  const file = useFileReport(unitId, period, amend);
  const { message } = App.useApp();
  const initial: FormValues = {
    items: tasks.map((task) => {
      const filed = report?.items.find((item) => item.taskNo === task.taskNo);
      return { status: filed?.status ?? 'on-track', progress: filed?.progress ?? '' };
    }),
    files: (report?.evidence ?? []).map(citedDraft),
  };
  const submit = (values: FormValues) => {
    file.mutate(
      {
        items: tasks.map((task, index) => ({
          taskNo: task.taskNo,
          status: values.items[index]!.status,
          progress: values.items[index]!.progress.trim(),
        })),
        evidence: citedEvidence(values.files),
      },
      {
        onSuccess: () => {
          void message.success(amend ? '月报已更正' : '月报已提交');
          onDone();
        },
      },
    );
  };
  if (tasks.length === 0) return <Alert type="info" showIcon title="本单位没有承担的任务，无需填报月报" />;
  return (
    <Form<FormValues> layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 760 }}>
      <Flex vertical gap={12}>
        {amend && <Alert type="info" showIcon title="更正后原报告仍保留在记录中；按时或逾期以首次提交为准。" />}
        {tasks.map((task, index) => (
          <Card key={task.taskNo} size="small">
            <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
              <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 8, whiteSpace: 'normal' }}>
                任务{task.taskNo}：{task.title}
              </legend>
              <Form.Item label="推进状态" name={['items', index, 'status']} rules={[{ required: true, message: '请选择推进状态' }]}>
                <Radio.Group options={Object.entries(TASK_STATUS).map(([value, text]) => ({ value, label: text }))} />
              </Form.Item>
              <Form.Item
                label="工作进展"
                name={['items', index, 'progress']}
                style={{ marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: '请填写本月工作进展' },
                  { max: 2000, message: '不超过2000字' },
                ]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </fieldset>
          </Card>
        ))}
        <Card size="small">
          <Form.Item
            label="佐证材料"
            name="files"
            rules={[uploadsFinished, atMostFiles(100)]}
            extra="图片、PDF 或 Word、Excel 文件，单个文件不超过 20 MB"
            style={{ marginBottom: 0 }}
          >
            <EvidenceUploader accept={PHOTOS_AND_FILES} camera={false} buttonText="上传照片或文件" />
          </Form.Item>
        </Card>
        {file.error && <Alert type="error" showIcon title={problemMessage(file.error)} />}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={file.isPending}>
            {amend ? '提交更正' : '提交月报'}
          </Button>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
        </Flex>
      </Flex>
    </Form>
  );
};
