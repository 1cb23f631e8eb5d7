import { Form, Input, InputNumber, Radio } from 'antd';
import { problemMessage } from '../../../api/problems';
import { formatTime, today } from '../../../lib/time';
import { useDeadlinePreview, type DeadlineBody } from '../api';

/** The deadline fields a form holds: N working days after today, or the last day. */
export interface DeadlineValues {
  deadlineKind: 'workingDays' | 'date';
  workingDays?: number;
  dueDate?: string;
}

export const DEADLINE_DEFAULTS: DeadlineValues = { deadlineKind: 'workingDays', workingDays: 10 };

/** The deadline as the API takes it: a date is given as the end of that day in Asia/Shanghai. */
export const deadlineBody = (values: DeadlineValues): DeadlineBody =>
  values.deadlineKind === 'workingDays' ? { workingDays: values.workingDays! } : { dueAt: `${values.dueDate!}T23:59:59.999+08:00` };

/** 新的整改期限: working days previewed from the official calendar (as when issuing the notice), or a date. */
export const DeadlineFields = () => {
  const form = Form.useFormInstance<DeadlineValues>();
  const kind = Form.useWatch('deadlineKind', form) ?? 'workingDays';
  const workingDays = Form.useWatch('workingDays', form);
  const preview = useDeadlinePreview(today(), kind === 'workingDays' && typeof workingDays === 'number' ? workingDays : null);
  return (
    <>
      <Form.Item label="期限方式" name="deadlineKind">
        <Radio.Group
          options={[
            { value: 'workingDays', label: '按工作日计算' },
            { value: 'date', label: '指定日期' },
          ]}
        />
      </Form.Item>
      {kind === 'workingDays' ? (
        <Form.Item
          label="整改期限（工作日）"
          name="workingDays"
          rules={[{ required: true, type: 'integer', min: 1, max: 90, message: '请填写1至90个工作日' }]}
          extra={
            <span aria-live="polite">
              {preview.isFetching
                ? '正在按工作日历计算…'
                : preview.data
                  ? `新的整改期限：${formatTime(preview.data.dueAt)}（按国务院公布的节假日安排计算，今日不计）`
                  : preview.error
                    ? problemMessage(preview.error)
                    : ''}
            </span>
          }
        >
          <InputNumber min={1} max={90} />
        </Form.Item>
      ) : (
        <Form.Item
          label="整改期限（日期）"
          name="dueDate"
          rules={[
            { required: true, message: '请选择日期' },
            { validator: (_, date?: string) => (!date || date >= today() ? Promise.resolve() : Promise.reject(new Error('日期不能早于今天'))) },
          ]}
          extra="期限为该日 24 时（北京时间）"
        >
          <Input type="date" min={today()} style={{ width: 200 }} />
        </Form.Item>
      )}
    </>
  );
};
