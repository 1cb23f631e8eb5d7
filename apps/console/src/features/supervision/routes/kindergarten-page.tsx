import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { QueryState, emptyText } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, ENROLMENT_STATUS, INSPECTION_KIND, OUTCOME, OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime, today } from '../../../lib/time';
import { useCases, useInspections, useKindergarten, useScheduleInspection, useTownships, type ScheduleForm } from '../api';
import { EnrolmentCard } from '../components/enrolment-card';

const INSPECTION_STATUS: Record<string, string> = { scheduled: '待检查', concluded: '已结论', cancelled: '已取消' };

/** A kindergarten's page: its state, inspections and cases; schedule an inspection. */
export const KindergartenPage = () => {
  const { id = '' } = useParams();
  const query = useKindergarten(id);
  const inspections = useInspections(id);
  const cases = useCases(id);
  const schedule = useScheduleInspection();
  const navigate = useNavigate();
  const townships = useTownships();
  const townshipName = (township: string) => townships.data?.items.find((item) => item.id === township)?.name ?? township;
  return (
    <QueryState query={query}>
      {(kindergarten) => (
        <Flex vertical gap={16}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {kindergarten.name}
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'township', label: '乡镇', children: townshipName(kindergarten.township) },
                { key: 'ownership', label: '办园性质', children: label(OWNERSHIP, kindergarten.ownership) },
                {
                  key: 'enrolment',
                  label: '招生状态',
                  children: (
                    <Tag color={kindergarten.enrolmentStatus === 'suspended' ? TAG_COLOR.danger : TAG_COLOR.success}>
                      {label(ENROLMENT_STATUS, kindergarten.enrolmentStatus)}
                    </Tag>
                  ),
                },
                { key: 'open', label: '未办结整改', children: kindergarten.openRectifications },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                检查
              </Typography.Title>
            }
          >
            <QueryState query={inspections}>
              {({ items }) => (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={items}
                  locale={{ emptyText: emptyText('尚无检查') }}
                  columns={[
                    {
                      title: '类型',
                      dataIndex: 'kind',
                      render: (kind: string, row) => <Link to={`/inspections/${row.id}`}>{label(INSPECTION_KIND, kind)}</Link>,
                    },
                    { title: '年度', dataIndex: 'year' },
                    { title: '计划日期', dataIndex: 'scheduledOn', render: formatDate },
                    { title: '状态', dataIndex: 'status', render: (status: string) => label(INSPECTION_STATUS, status) },
                    { title: '结论', dataIndex: 'outcome', render: (outcome: string | null) => label(OUTCOME, outcome) },
                  ]}
                />
              )}
            </QueryState>
            <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
              安排检查
            </Typography.Title>
            {schedule.error && <Alert type="error" showIcon title={problemMessage(schedule.error)} style={{ marginBottom: 12 }} />}
            <Form<Omit<ScheduleForm, 'kindergartenId'>>
              layout="inline"
              initialValues={{ kind: 'annual', year: Number(today().slice(0, 4)), scheduledOn: today() }}
              onFinish={(values) =>
                schedule.mutate({ ...values, kindergartenId: id }, { onSuccess: (inspection) => void navigate(`/inspections/${inspection.id}`) })
              }
            >
              <Form.Item label="检查类型" name="kind">
                <Select style={{ width: 160 }} options={Object.entries(INSPECTION_KIND).map(([value, text]) => ({ value, label: text }))} />
              </Form.Item>
              <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item label="计划日期" name="scheduledOn" rules={[{ required: true, message: '请选择日期' }]}>
                <Input type="date" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={schedule.isPending}>
                安排检查
              </Button>
            </Form>
          </Card>
          <Card
            size="small"
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                整改通知
              </Typography.Title>
            }
          >
            <QueryState query={cases}>
              {({ items }) => (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={items}
                  locale={{ emptyText: emptyText('尚无整改通知') }}
                  columns={[
                    { title: '文号', dataIndex: 'documentNo', render: (value?: string | null) => value ?? '—' },
                    {
                      title: '下发时间',
                      dataIndex: 'issuedAt',
                      render: (value: string, row) => <Link to={`/cases/${row.id}`}>{formatTime(value)}</Link>,
                    },
                    { title: '整改期限', dataIndex: 'dueAt', render: formatTime },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      render: (status: string, row) => (
                        <Flex gap={4}>
                          <Tag color={CASE_STATUS_COLOR[status]}>{label(CASE_STATUS, status)}</Tag>
                          {row.overdue && <Tag color={TAG_COLOR.danger}>已逾期</Tag>}
                        </Flex>
                      ),
                    },
                  ]}
                />
              )}
            </QueryState>
          </Card>
          <EnrolmentCard kindergarten={kindergarten} />
        </Flex>
      )}
    </QueryState>
  );
};
