import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { problemMessage } from '../../../api/problems';
import { CardList, QueryState } from '../../../components/page-state';
import { CASE_STATUS, ENROLMENT_STATUS, OUTCOME, OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime } from '../../../lib/time';
import { usePublishDisclosure, usePublishedCases, useKindergarten, useTownshipName, type DisclosureBody, type Kindergarten } from '../api';
import { OwnKindergarten } from '../own-kindergarten';

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const result = (value: { year: number; outcome: string } | null) => (value ? `${value.year}年 ${label(OUTCOME, value.outcome)}` : '暂无');

/** What anyone reads about the kindergarten on the public register and notice board (api.md: no notes, no reports). */
const PublicView = ({ kindergarten }: { kindergarten: Kindergarten }) => {
  const township = useTownshipName(kindergarten.township);
  const notices = usePublishedCases(kindergarten.id);
  const disclosure = kindergarten.disclosure;
  return (
    <Card size="small" title={heading('公众看到的信息')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: '名称', children: kindergarten.name },
          { key: 'township', label: '所在乡镇', children: township },
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
          { key: 'annual', label: '最近年检', children: result(kindergarten.latestAnnual) },
          { key: 'quality', label: '保教质量评估', children: result(kindergarten.latestQuality) },
          ...(disclosure
            ? [
                { key: 'teachers', label: '专任教师', children: `${disclosure.teachers} 人` },
                { key: 'caregivers', label: '保育员', children: `${disclosure.caregivers} 人` },
                { key: 'children', label: '在园幼儿', children: `${disclosure.children} 人` },
                { key: 'fee', label: '保教费', children: `每月 ${disclosure.monthlyFeeYuan} 元` },
                { key: 'publishedAt', label: '公示日期', children: formatDate(disclosure.publishedAt) },
              ]
            : [{ key: 'disclosure', label: '信息公示', children: '尚未公示' }]),
        ]}
      />
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 12 }}>
        公开通报的整改通知
      </Typography.Title>
      <QueryState query={notices}>
        {(items) => (
          <CardList items={items} empty="没有公开通报的整改通知">
            {(notice) => (
              <div key={notice.id}>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                  {notice.documentNo ?? '整改通知'}：{label(CASE_STATUS, notice.status)}
                  {notice.overdue ? '（已逾期）' : ''}，整改期限 {formatTime(notice.dueAt)}
                </Typography.Text>
              </div>
            )}
          </CardList>
        )}
      </QueryState>
    </Card>
  );
};

const count = (max: number) => [
  { required: true, message: '请填写人数' },
  { type: 'integer' as const, min: 0, max, message: `须为0至${max}的整数` },
];

const DisclosureForm = ({ kindergarten }: { kindergarten: Kindergarten }) => {
  const publish = usePublishDisclosure(kindergarten.id);
  const { message } = App.useApp();
  const current = kindergarten.disclosure;
  return (
    <Card size="small" title={heading('更新公示信息')}>
      {publish.error && <Alert type="error" showIcon title={problemMessage(publish.error)} style={{ marginBottom: 12 }} />}
      <Form<DisclosureBody & { notes?: string }>
        layout="vertical"
        disabled={publish.isPending}
        initialValues={
          current
            ? {
                teachers: current.teachers,
                caregivers: current.caregivers,
                children: current.children,
                monthlyFeeYuan: current.monthlyFeeYuan,
                notes: current.notes ?? '',
              }
            : undefined
        }
        onFinish={(values) =>
          publish.mutate(
            {
              teachers: values.teachers,
              caregivers: values.caregivers,
              children: values.children,
              monthlyFeeYuan: values.monthlyFeeYuan,
              ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
            },
            { onSuccess: () => void message.success('公示信息已更新') },
          )
        }
      >
        <Form.Item label="专任教师（人）" name="teachers" rules={count(10_000)}>
          <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="保育员（人）" name="caregivers" rules={count(10_000)}>
          <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="在园幼儿（人）" name="children" rules={count(100_000)}>
          <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="保教费（元/月）"
          name="monthlyFeeYuan"
          rules={[
            { required: true, message: '请填写保教费' },
            { type: 'number', min: 0, max: 1_000_000, message: '须为0至1000000元' },
          ]}
        >
          <InputNumber min={0} precision={2} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="备注（不公开）" name="notes" rules={[{ max: 2000, message: '不超过2000字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={publish.isPending}>
          发布公示信息
        </Button>
      </Form>
      {current && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>上次公示：{formatTime(current.publishedAt)}</Typography.Paragraph>}
    </Card>
  );
};

/** 信息公示: what the public sees about the kindergarten, and its disclosure figures to update (备案及公示). */
export const Disclosure = () => <OwnKindergarten>{(kindergartenId) => <DisclosurePage kindergartenId={kindergartenId} />}</OwnKindergarten>;

const DisclosurePage = ({ kindergartenId }: { kindergartenId: string }) => {
  const query = useKindergarten(kindergartenId);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        信息公示
      </Typography.Title>
      <QueryState query={query}>
        {(kindergarten) => (
          <>
            <PublicView kindergarten={kindergarten} />
            <DisclosureForm kindergarten={kindergarten} />
          </>
        )}
      </QueryState>
    </Flex>
  );
};
