import { Flex, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { NavButton } from '../../../components/nav-button';
import { QueryState } from '../../../components/page-state';
import { useTimeline } from '../api';
import { JsonView, formatInstant } from '../record-parts';

/** A stream told in Chinese, step by step: when, who, what, and the state after it. */
export const TimelinePage = () => {
  const { streamId = '' } = useParams();
  const query = useTimeline(streamId);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          时间线
        </Typography.Title>
        <NavButton to={`/audit/streams/${encodeURIComponent(streamId)}`}>查看原始事件</NavButton>
      </Flex>
      <QueryState query={query} isEmpty={(timeline) => timeline.steps.length === 0} empty="该事件流没有事件">
        {(timeline) => (
          <>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {timeline.aggregate}　<Typography.Text code>{timeline.streamId}</Typography.Text>　共 {timeline.steps.length} 步
            </Typography.Paragraph>
            <Timeline
              items={timeline.steps.map((step) => ({
                key: step.version,
                color: step.actor.role === 'system' ? 'gray' : 'blue',
                content: (
                  <Flex vertical gap={4}>
                    <Typography.Text type="secondary">
                      {formatInstant(step.at)} · 第 {step.version} 版 · {step.actor.label}
                    </Typography.Text>
                    <Typography.Text>{step.sentence}</Typography.Text>
                    <JsonView value={step.state} summary="此后的状态" />
                  </Flex>
                ),
              }))}
            />
          </>
        )}
      </QueryState>
    </Flex>
  );
};
