import { Card, Timeline, Typography } from 'antd';
import { TAG_COLOR } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import type { Case } from '../api';
import { caseTimeline, type TimelineStep } from '../case-timeline';

const DOT: Record<TimelineStep['tone'], string> = {
  info: TAG_COLOR.info,
  success: TAG_COLOR.success,
  warning: TAG_COLOR.warning,
  danger: TAG_COLOR.danger,
  neutral: TAG_COLOR.neutral,
};

/** 办理过程: the case's steps, oldest first, with times in Asia/Shanghai. */
export const CaseTimeline = ({ notice }: { notice: Case }) => (
  <Card
    size="small"
    title={
      <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
        办理过程
      </Typography.Title>
    }
  >
    <Timeline
      items={caseTimeline(notice, formatTime).map((step, index) => ({
        key: index,
        color: DOT[step.tone],
        content: (
          <>
            <Typography.Text type="secondary">
              <time dateTime={step.at}>{formatTime(step.at)}</time>
            </Typography.Text>
            <div>{step.text}</div>
          </>
        ),
      }))}
    />
  </Card>
);
