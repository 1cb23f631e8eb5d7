import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem, problemMessage } from '../../../api/problems';
import { emptyText } from '../../../components/page-state';
import { INSPECTION_KIND, TAG_COLOR } from '../../../lib/labels';
import { today } from '../../../lib/time';
import { scheduleFor, townshipKindergartens, useTownships, type ScheduleForm, type ScheduleOutcome } from '../api';

interface TownshipForm extends Omit<ScheduleForm, 'kindergartenId'> {
  township: string;
}

interface Row {
  id: string;
  name: string;
  outcome?: ScheduleOutcome;
}

const OUTCOME_TAG: Record<ScheduleOutcome['kind'], { text: string; color: string }> = {
  scheduled: { text: '已安排', color: TAG_COLOR.success },
  exists: { text: '本年度已有年检', color: TAG_COLOR.info },
  closed: { text: '已关停，未安排', color: TAG_COLOR.neutral },
  refused: { text: '未安排', color: TAG_COLOR.danger },
};

const outcomeCell = (outcome: ScheduleOutcome | undefined) => {
  if (!outcome) return <Typography.Text type="secondary">等待中</Typography.Text>;
  const tag = <Tag color={OUTCOME_TAG[outcome.kind].color}>{OUTCOME_TAG[outcome.kind].text}</Tag>;
  if (outcome.kind === 'scheduled') return <Link to={`/inspections/${outcome.inspectionId}`}>{tag}</Link>;
  if (outcome.kind === 'refused')
    return (
      <Flex gap={4} align="center">
        {tag}
        {problemMessage(outcome.error)}
      </Flex>
    );
  return tag;
};

/** 按乡镇安排检查: one inspection for every kindergarten of a township, one request each, with progress and each one's result. */
export const TownshipSchedule = () => {
  const townships = useTownships();
  const queries = useQueryClient();
  const [form] = Form.useForm<TownshipForm>();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async ({ township, ...schedule }: TownshipForm) => {
    setRunning(true);
    setFailure(null);
    setRows(null);
    try {
      const kindergartens = await townshipKindergartens(township);
      const planned: Row[] = kindergartens.map(({ id, name, closed }) => ({ id, name, outcome: closed ? { kind: 'closed' } : undefined }));
      setRows(planned);
      for (const [index, row] of planned.entries()) {
        if (row.outcome) continue;
        const outcome = await scheduleFor({ ...schedule, kindergartenId: row.id });
        planned[index] = { ...row, outcome };
        setRows([...planned]);
        // a date outside the year is refused for every one of them: say so once, next to the date
        if (outcome.kind === 'refused' && outcome.error instanceof ApiProblem && outcome.error.code === 'scheduled-outside-year') {
          form.setFields([{ name: 'scheduledOn', errors: [problemMessage(outcome.error)] }]);
          break;
        }
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setRunning(false);
      await queries.invalidateQueries({ queryKey: ['inspections'] });
      await queries.invalidateQueries({ queryKey: ['statistics'] });
    }
  };

  const done = rows?.filter((row) => row.outcome).length ?? 0;
  const count = (kind: ScheduleOutcome['kind']) => rows?.filter((row) => row.outcome?.kind === kind).length ?? 0;
  const year = Number(today().slice(0, 4));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        按乡镇安排检查
      </Typography.Title>
      <Card size="small">
        <Form<TownshipForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ kind: 'annual', year, scheduledOn: today() }}
          onFinish={(values) => void run(values)}
          disabled={running}
        >
          <Form.Item label="乡镇" name="township" rules={[{ required: true, message: '请选择乡镇' }]}>
            <Select
              placeholder="选择乡镇"
              loading={townships.isPending}
              options={townships.data?.items.map((item) => ({ value: item.id, label: item.name })) ?? []}
            />
          </Form.Item>
          <Form.Item label="检查类型" name="kind">
            <Select options={Object.entries(INSPECTION_KIND).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            label="计划日期"
            name="scheduledOn"
            dependencies={['year']}
            rules={[
              { required: true, message: '请选择日期' },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  !value || value.startsWith(`${getFieldValue('year')}-`) ? Promise.resolve() : Promise.reject(new Error('检查日期须在所选年度内')),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={running}>
            为全乡镇安排检查
          </Button>
        </Form>
      </Card>
      {failure !== null && <Alert type="error" showIcon title={problemMessage(failure)} />}
      {rows && (
        <Card
          size="small"
          title={
            <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
              安排结果
            </Typography.Title>
          }
        >
          <Flex vertical gap={12}>
            <Progress percent={rows.length ? Math.round((100 * done) / rows.length) : 100} aria-label="安排进度" />
            <Typography.Text aria-live="polite">
              {running
                ? `正在安排：${done} / ${rows.length}`
                : `共 ${rows.length} 所：已安排 ${count('scheduled')} 所，本年度已有年检 ${count('exists')} 所，已关停 ${count('closed')} 所，未安排 ${count('refused')} 所`}
            </Typography.Text>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              locale={{ emptyText: emptyText('该乡镇没有幼儿园') }}
              columns={[
                { title: '幼儿园', dataIndex: 'name', render: (name: string, row) => <Link to={`/kindergartens/${row.id}`}>{name}</Link> },
                { title: '结果', dataIndex: 'outcome', render: outcomeCell },
              ]}
            />
          </Flex>
        </Card>
      )}
    </Flex>
  );
};
