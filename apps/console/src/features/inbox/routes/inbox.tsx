import { App, Badge, Button, Card, Flex, Typography } from 'antd';
import { CardList, QueryState } from '../../../components/page-state';
import { problemMessage } from '../../../api/problems';
import { formatTime } from '../../../lib/time';
import { useInbox, useMarkRead } from '../api';

/** 消息: the signed-in person's notifications, newest first. */
export const Inbox = () => {
  const query = useInbox();
  const markRead = useMarkRead();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        消息
      </Typography.Title>
      <QueryState query={query} isEmpty={(inbox) => inbox.items.length === 0} empty="暂无消息">
        {(inbox) => (
          <CardList items={inbox.items} empty="暂无消息">
            {(item) => (
              <div key={item.id}>
                <Card
                  size="small"
                  title={
                    <Flex gap={8} align="center">
                      {item.readAt === null && <Badge status="processing" text="未读" />}
                      <span style={{ whiteSpace: 'normal' }}>{item.subject}</span>
                    </Flex>
                  }
                  extra={
                    item.readAt === null && (
                      <Button
                        size="small"
                        loading={markRead.isPending && markRead.variables === item.id}
                        onClick={() => markRead.mutate(item.id, { onError: (error) => void message.error(problemMessage(error)) })}
                      >
                        标为已读
                      </Button>
                    )
                  }
                >
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{item.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">{formatTime(item.createdAt)}</Typography.Text>
                </Card>
              </div>
            )}
          </CardList>
        )}
      </QueryState>
    </Flex>
  );
};
