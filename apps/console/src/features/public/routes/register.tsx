import { Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CardList, QueryState } from '../../../components/page-state';
import { ENROLMENT_STATUS, OUTCOME, OWNERSHIP, TAG_COLOR, label } from '../../../lib/labels';
import { formatDate } from '../../../lib/time';
import { usePublicKindergartens } from '../api';

const result = (value: { year: number; outcome: string } | null) => (value ? `${value.year}年 ${label(OUTCOME, value.outcome)}` : '暂无');

/** 幼儿园名录: every registered kindergarten with its disclosure (备案及公示) and latest results. */
export const Register = () => {
  const query = usePublicKindergartens();
  const [search, setSearch] = useState('');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        幼儿园名录
      </Typography.Title>
      <Input.Search
        aria-label="按名称查找已加载的幼儿园"
        placeholder="输入幼儿园名称查找"
        allowClear
        onChange={(event) => setSearch(event.target.value.trim())}
      />
      <QueryState query={query} isEmpty={(pages) => pages.pages[0].items.length === 0} empty="暂无登记的幼儿园">
        {(pages) => {
          const items = pages.pages.flatMap((page) => page.items).filter((kindergarten) => kindergarten.name.includes(search));
          return (
            <>
              <CardList items={items} empty="没有名称相符的幼儿园">
                {(kindergarten) => (
                  <div key={kindergarten.id}>
                    <Card
                      size="small"
                      title={<span style={{ whiteSpace: 'normal' }}>{kindergarten.name}</span>}
                      extra={
                        <Tag color={kindergarten.enrolmentStatus === 'suspended' ? TAG_COLOR.danger : TAG_COLOR.success}>
                          {label(ENROLMENT_STATUS, kindergarten.enrolmentStatus)}
                        </Tag>
                      }
                    >
                      <Descriptions
                        size="small"
                        column={{ xs: 1, sm: 2 }}
                        items={[
                          { key: 'township', label: '所在乡镇', children: kindergarten.township },
                          { key: 'ownership', label: '办园性质', children: label(OWNERSHIP, kindergarten.ownership) },
                          { key: 'annual', label: '最近年检', children: result(kindergarten.latestAnnual) },
                          { key: 'quality', label: '保教质量评估', children: result(kindergarten.latestQuality) },
                          ...(kindergarten.disclosure
                            ? [
                                { key: 'teachers', label: '专任教师', children: `${kindergarten.disclosure.teachers} 人` },
                                { key: 'caregivers', label: '保育员', children: `${kindergarten.disclosure.caregivers} 人` },
                                { key: 'children', label: '在园幼儿', children: `${kindergarten.disclosure.children} 人` },
                                { key: 'fee', label: '保教费', children: `每月 ${kindergarten.disclosure.monthlyFeeYuan} 元` },
                                { key: 'publishedAt', label: '公示日期', children: formatDate(kindergarten.disclosure.publishedAt) },
                              ]
                            : [{ key: 'disclosure', label: '信息公示', children: '尚未公示' }]),
                        ]}
                      />
                    </Card>
                  </div>
                )}
              </CardList>
              {query.hasNextPage && (
                <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                  加载更多
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Flex>
  );
};
