import { Flex, Table, Tag, Typography } from 'antd';
import { QueryState, emptyText } from '../../../components/page-state';
import { TAG_COLOR } from '../../../lib/labels';
import { useSession } from '../../auth/session';
import { usePlanTasks } from '../api';

/** 我的任务: the plan's tasks the department's unit leads (牵头) or shares (责任). */
export const MyTasks = () => {
  const unitId = useSession().data?.user.unitId ?? '';
  const query = usePlanTasks(unitId);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        我的任务
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        本单位牵头或承担的行动计划任务；每月按任务填报月报。
      </Typography.Paragraph>
      <QueryState query={query}>
        {(tasks) => (
          <Table
            rowKey="taskNo"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={tasks.items}
            locale={{ emptyText: emptyText('本单位没有承担的任务') }}
            columns={[
              { title: '序号', dataIndex: 'taskNo', width: 64 },
              {
                title: '任务',
                dataIndex: 'title',
                render: (title: string, task) => (
                  <Flex vertical style={{ maxWidth: 420 }}>
                    <Typography.Text strong>{title}</Typography.Text>
                    <Typography.Text type="secondary">{task.group}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: '本单位职责',
                key: 'role',
                render: (_, task) =>
                  task.leadUnits.some((unit) => unit.id === unitId) ? (
                    <Tag color={TAG_COLOR.info}>牵头单位</Tag>
                  ) : (
                    <Tag color={TAG_COLOR.progress}>责任单位</Tag>
                  ),
              },
              { title: '牵头单位', key: 'lead', render: (_, task) => task.leadUnits.map((unit) => unit.name).join('、') || '—' },
              {
                title: '时间节点',
                dataIndex: 'timeNodes',
                render: (nodes: string[]) => <span style={{ display: 'inline-block', maxWidth: 280 }}>{nodes.join('；') || '—'}</span>,
              },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
};
