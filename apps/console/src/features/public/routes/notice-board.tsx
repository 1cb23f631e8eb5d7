import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { CardList, QueryState } from '../../../components/page-state';
import { CASE_STATUS, CASE_STATUS_COLOR, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate, formatTime } from '../../../lib/time';
import { usePublicNotices } from '../api';

/** 整改公示: the published rectification notices and the enrolment suspensions in force. */
export const NoticeBoard = () => {
  const query = usePublicNotices();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        整改公示
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        根据《清水河县学前教育三年行动计划》，年检不合格的幼儿园予以通报并限期整改，整改后仍不达标的暂停招生。时间均为北京时间。
      </Typography.Paragraph>
      <QueryState query={query}>
        {({ notices, suspensions }) => (
          <>
            <section aria-labelledby="notices-title">
              <Typography.Title level={3} id="notices-title">
                限期整改通报（{notices.length}）
              </Typography.Title>
              <CardList items={notices} empty="暂无公开的整改通报">
                {(notice) => (
                  <div key={notice.id}>
                    <Card
                      size="small"
                      title={<span style={{ whiteSpace: 'normal' }}>{notice.kindergarten.name}</span>}
                      extra={
                        <Flex gap={4} wrap>
                          <Tag color={CASE_STATUS_COLOR[notice.status]}>{label(CASE_STATUS, notice.status)}</Tag>
                          {notice.overdue && <Tag color={TAG_COLOR.danger}>已逾期</Tag>}
                        </Flex>
                      }
                    >
                      <Descriptions
                        size="small"
                        column={1}
                        items={[
                          { key: 'issuedAt', label: '通报时间', children: formatTime(notice.issuedAt) },
                          { key: 'dueAt', label: '整改期限', children: formatTime(notice.dueAt) },
                          {
                            key: 'findings',
                            label: '存在问题',
                            children: (
                              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                                {notice.findings.map((finding, index) => (
                                  <li key={index}>{finding}</li>
                                ))}
                              </ol>
                            ),
                          },
                        ]}
                      />
                    </Card>
                  </div>
                )}
              </CardList>
            </section>
            <section aria-labelledby="suspensions-title">
              <Typography.Title level={3} id="suspensions-title">
                暂停招生（{suspensions.length}）
              </Typography.Title>
              <CardList items={suspensions} empty="目前没有暂停招生的幼儿园">
                {(suspension) => (
                  <div key={suspension.kindergarten.id}>
                    <Card size="small" title={suspension.kindergarten.name} extra={<Tag color={TAG_COLOR.danger}>暂停招生</Tag>}>
                      <Descriptions
                        size="small"
                        column={1}
                        items={[
                          { key: 'from', label: '生效日期', children: formatDate(suspension.effectiveFrom) },
                          { key: 'reason', label: '原因', children: suspension.reason },
                        ]}
                      />
                    </Card>
                  </div>
                )}
              </CardList>
            </section>
          </>
        )}
      </QueryState>
    </Flex>
  );
};
