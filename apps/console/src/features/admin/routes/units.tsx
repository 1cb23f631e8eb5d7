import { Flex, Table, Typography } from 'antd';
import { QueryState, emptyText } from '../../../components/page-state';
import { type Unit, usePlanUnits } from '../api';

const taskList = (numbers: number[]) => (numbers.length ? numbers.map((no) => `任务${no}`).join('、') : '—');

/** 单位: the plan's lead and responsible units, as seeded with its tasks (the API offers no way to change them). */
export const Units = () => {
  const query = usePlanUnits();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        单位
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        行动计划的牵头单位和责任单位，随计划任务导入，此处只读。为单位开设填报账号，请在“用户”中新建角色为“责任单位”的用户。
      </Typography.Paragraph>
      <QueryState query={query} isEmpty={(units) => units.length === 0} empty="尚未导入行动计划的单位">
        {(units) => (
          <Table<Unit>
            rowKey="id"
            pagination={false}
            dataSource={units}
            locale={{ emptyText: emptyText('尚未导入行动计划的单位') }}
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '编号', dataIndex: 'id' },
              { title: '牵头的任务', dataIndex: 'leads', render: taskList },
              { title: '参与的任务', dataIndex: 'shares', render: taskList },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
};
