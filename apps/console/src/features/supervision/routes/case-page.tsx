import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../../api/problems';
import { CardList, QueryState } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, TAG_COLOR, label } from '../../../lib/labels';
import { dayjs, formatTime } from '../../../lib/time';
import { EvidenceList } from '../../attachments/evidence-list';
import { useCase, useReview } from '../api';

/** How long is left until the deadline, in whole days (Asia/Shanghai), or how long it has passed. */
const countdown = (dueAt: string, status: string): string => {
  if (['closed', 'failed', 'withdrawn'].includes(status)) return '';
  const days = Math.ceil(dayjs(dueAt).diff(dayjs(), 'hour') / 24);
  return days >= 0 ? `剩余 ${days} 天` : `已超期 ${-days} 天`;
};

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** A rectification case: status, deadline countdown, findings, reports, and the review its state allows. */
export const CasePage = () => {
  const { id = '' } = useParams();
  const query = useCase(id);
  const review = useReview(id);
  return (
    <QueryState query={query}>
      {(notice) => (
        <Flex vertical gap={16}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            整改通知
          </Typography.Title>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
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
                { key: 'kg', label: '幼儿园', children: <Link to={`/kindergartens/${notice.kindergartenId}`}>查看幼儿园</Link> },
                { key: 'issuedAt', label: '下发时间', children: formatTime(notice.issuedAt) },
                { key: 'dueAt', label: '整改期限', children: `${formatTime(notice.dueAt)} ${countdown(notice.dueAt, notice.status)}` },
                { key: 'publish', label: '公开通报', children: notice.publish ? '是' : '否' },
                { key: 'inspection', label: '检查', children: <Link to={`/inspections/${notice.inspectionId}`}>查看检查</Link> },
              ]}
            />
          </Card>
          <Card size="small" title={heading('整改的问题')}>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {notice.findings.map((finding) => (
                <li key={finding.code}>
                  {finding.code} {finding.description}
                </li>
              ))}
            </ol>
          </Card>
          <Card size="small" title={heading('整改报告')}>
            <CardList items={notice.reports} empty="幼儿园尚未提交整改报告">
              {(report) => (
                <Card
                  key={report.reportNo}
                  size="small"
                  type="inner"
                  title={`第 ${report.reportNo} 次报告 · ${formatTime(report.submittedAt)}${report.late ? '（逾期提交）' : ''}`}
                >
                  <Typography.Paragraph>{report.summary}</Typography.Paragraph>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {report.actions.map((action) => (
                      <li key={action.findingCode}>
                        {action.findingCode}：{action.action}
                      </li>
                    ))}
                  </ul>
                  <div style={{ marginTop: 8 }}>
                    <EvidenceList items={report.evidence} />
                  </div>
                  {report.review && (
                    <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                      审核：{report.review.decision === 'accept' ? '通过' : '退回'}，{report.review.comment}
                    </Typography.Paragraph>
                  )}
                </Card>
              )}
            </CardList>
          </Card>
          {notice.status === 'submitted' && (
            <Card size="small" title={heading('审核整改报告')}>
              {review.error && <Alert type="error" showIcon title={problemMessage(review.error)} style={{ marginBottom: 12 }} />}
              <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => review.mutate(values)}>
                <Form.Item label="审核结果" name="decision" rules={[{ required: true, message: '请选择审核结果' }]}>
                  <Radio.Group
                    options={[
                      { value: 'accept', label: '通过' },
                      { value: 'return', label: '退回重新整改' },
                    ]}
                  />
                </Form.Item>
                <Form.Item label="审核意见" name="comment" rules={[{ required: true, message: '请填写审核意见' }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={review.isPending}>
                  提交审核
                </Button>
              </Form>
            </Card>
          )}
        </Flex>
      )}
    </QueryState>
  );
};
