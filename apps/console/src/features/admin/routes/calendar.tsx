import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiProblem, problemMessage } from '../../../api/problems';
import { QueryState } from '../../../components/page-state';
import { TAG_COLOR } from '../../../lib/labels';
import { dayjs, today } from '../../../lib/time';
import { type CalendarYearForm, useCalendarYear, usePublishCalendarYear } from '../api';
import { calendarIssues, daysOf, periodsOf } from '../calendar-rules';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const withWeekday = (date: string) => `${date}（${WEEKDAY[dayjs(date).day()]}）`;
const parse = (date: string) => dayjs(date);

const heading = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

/** The holiday periods (runs of days off) and make-up working days of a year, as people read an official notice. */
const YearArrangement = ({ holidays, makeUpWorkdays }: { holidays: readonly string[]; makeUpWorkdays: readonly string[] }) => (
  <Descriptions
    size="small"
    column={1}
    items={[
      {
        key: 'holidays',
        label: `放假（共 ${holidays.length} 天）`,
        children: holidays.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {periodsOf(holidays, parse).map((period) => (
              <li key={period[0]}>
                {period.length === 1 ? withWeekday(period[0]) : `${withWeekday(period[0])} 至 ${withWeekday(period.at(-1)!)}`}，共 {period.length} 天
              </li>
            ))}
          </ul>
        ) : (
          '无'
        ),
      },
      {
        key: 'makeUp',
        label: `调休上班（共 ${makeUpWorkdays.length} 天）`,
        children: makeUpWorkdays.length ? (
          <Flex gap={4} wrap>
            {[...makeUpWorkdays].sort().map((date) => (
              <Tag key={date} color={TAG_COLOR.warning}>
                {withWeekday(date)}
              </Tag>
            ))}
          </Flex>
        ) : (
          '无'
        ),
      },
    ]}
  />
);

/** 工作日历: a year's official arrangement, and publishing next year's from the State Council's notice. */
export const Calendar = () => {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const query = useCalendarYear(year);
  const years = Array.from({ length: 4 }, (_, index) => thisYear - 1 + index);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        工作日历
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        整改期限按工作日计算：周末和国务院公布的法定节假日不计，调休上班日照常计算。每年年底国务院办公厅公布次年安排后，请在此发布，发布后立即生效，已下发的整改期限不受影响。
      </Typography.Paragraph>
      <Card
        size="small"
        title={heading(`${year}年节假日安排`)}
        extra={
          <Select
            aria-label="查看年度"
            value={years.includes(year) ? year : undefined}
            placeholder={`${year}年`}
            style={{ width: 120 }}
            onChange={setYear}
            options={years.map((value) => ({ value, label: `${value}年` }))}
          />
        }
      >
        <QueryState query={query}>
          {(arrangement) =>
            arrangement ? (
              <YearArrangement holidays={arrangement.holidays} makeUpWorkdays={arrangement.makeUpWorkdays} />
            ) : (
              <Alert type="warning" showIcon title={`${year}年的节假日安排尚未公布：该年内的整改期限无法按工作日计算。`} />
            )
          }
        </QueryState>
      </Card>
      <PublishYear defaultYear={thisYear + 1} onPublished={setYear} />
    </Flex>
  );
};

interface PublishForm {
  year: number;
  periods: Array<[Dayjs, Dayjs] | undefined>;
  makeUpWorkdays: Array<Dayjs | undefined>;
  source: string;
}

const PublishYear = ({ defaultYear, onPublished }: { defaultYear: number; onPublished: (year: number) => void }) => {
  const [form] = Form.useForm<PublishForm>();
  const publish = usePublishCalendarYear();
  const { message, modal } = App.useApp();
  const [problem, setProblem] = useState<string | undefined>();
  const values = Form.useWatch([], form) as Partial<PublishForm> | undefined;
  const publishYear = values?.year ?? defaultYear;
  const holidays = [
    ...new Set((values?.periods ?? []).filter((period): period is [Dayjs, Dayjs] => Boolean(period?.[0] && period?.[1])).flatMap(daysOf)),
  ].sort();
  const makeUps = [
    ...new Set((values?.makeUpWorkdays ?? []).filter((day): day is Dayjs => Boolean(day)).map((day) => day.format('YYYY-MM-DD'))),
  ].sort();
  const issues = calendarIssues(publishYear, holidays, makeUps, parse);

  const send = (body: CalendarYearForm) => {
    setProblem(undefined);
    publish.mutate(body, {
      onSuccess: (published) => {
        void message.success(`已发布${published.year}年节假日安排，立即生效`);
        onPublished(published.year);
      },
      onError: (error) => {
        if (error instanceof ApiProblem && error.code === 'calendar-year-exists' && !body.replace) {
          modal.confirm({
            title: `${body.year}年已有节假日安排`,
            content: '覆盖后以本次发布的安排为准，立即生效；已下发的整改期限不变。确定覆盖吗？',
            okText: '覆盖',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: () => send({ ...body, replace: true }),
          });
          return;
        }
        setProblem(
          error instanceof ApiProblem && error.code === 'invalid-calendar' ? `${problemMessage(error)}：${error.detail}` : problemMessage(error),
        );
      },
    });
  };

  return (
    <Card size="small" title={heading('发布节假日安排')}>
      <Form<PublishForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ year: defaultYear, periods: [undefined], makeUpWorkdays: [] }}
        onFinish={(form) => send({ year: form.year, holidays, makeUpWorkdays: makeUps, source: form.source.trim() })}
      >
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    label={`放假时段 ${index + 1}`}
                    name={field.name}
                    rules={[{ required: true, message: '请选择放假的起止日期' }]}
                    style={{ flex: 1 }}
                  >
                    <DatePicker.RangePicker
                      style={{ width: '100%' }}
                      placeholder={['放假开始日期', '放假结束日期']}
                      aria-label={`放假时段 ${index + 1}`}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }} aria-label={`删除放假时段 ${index + 1}`}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                添加放假时段
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="makeUpWorkdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    label={`调休上班日 ${index + 1}`}
                    name={field.name}
                    rules={[{ required: true, message: '请选择调休上班的日期' }]}
                    style={{ flex: 1 }}
                  >
                    <DatePicker style={{ width: '100%' }} placeholder="周六或周日" />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }} aria-label={`删除调休上班日 ${index + 1}`}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                添加调休上班日
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          label="依据文件"
          name="source"
          extra="国务院办公厅通知的文号"
          rules={[{ required: true, whitespace: true, max: 200, message: '请填写文号，如 国办发明电〔2026〕7号' }]}
        >
          <Input placeholder="国办发明电〔2026〕N号" />
        </Form.Item>
        <Card size="small" type="inner" title={heading(`预览：${publishYear}年`)} style={{ marginBottom: 16 }}>
          <YearArrangement holidays={holidays} makeUpWorkdays={makeUps} />
          {issues.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="以下日期有误，发布将被拒绝"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {issues.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
              }
              style={{ marginTop: 12 }}
            />
          )}
        </Card>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        {/* not a submit button: Enter, which confirms a typed date, must not publish the year */}
        <Button type="primary" onClick={() => form.submit()} loading={publish.isPending}>
          发布
        </Button>
      </Form>
    </Card>
  );
};
