import { describe, expect, it } from '@jest/globals';
import { zhConstraintMessage } from './validation-messages.js';

describe('zhConstraintMessage', () => {
  it('names the field and says the rule in Chinese, with the decorator’s arguments', () => {
    expect(zhConstraintMessage('workingDays', 'max', { args: [90], each: false })).toBe('workingDays 不能大于 90');
    expect(zhConstraintMessage('name', 'isLength', { args: [1, 200], each: false })).toBe('name 长度须为 1 到 200 个字符');
    expect(zhConstraintMessage('severity', 'isIn', { args: [['minor', 'major']], each: false })).toBe('severity 必须是以下值之一：minor、major');
    expect(zhConstraintMessage('summary', 'matches', { args: [/\S/], each: false })).toBe('summary 不能为空白');
    expect(zhConstraintMessage('id', 'matches', { args: [/^[a-z]+$/], each: false })).toBe('id 格式不正确，须符合 ^[a-z]+$');
  });

  it('says “each item” for a rule on every element, and takes a decorator’s own Chinese message as given', () => {
    expect(zhConstraintMessage('findingCodes', 'isString', { args: [], each: true })).toBe('findingCodes 的每一项必须是字符串');
    expect(zhConstraintMessage('deadline', 'notBoth', { args: [], each: false, given: 'deadline 只能给出 workingDays 或 dueAt 之一' })).toBe(
      'deadline 只能给出 workingDays 或 dueAt 之一',
    );
  });

  it('a rule it does not know still answers in Chinese, naming the field', () => {
    expect(zhConstraintMessage('x', 'isHexColor', { args: [], each: false })).toBe('x 不符合要求');
    expect(zhConstraintMessage('', 'unknownValue', { args: [], each: false })).toBe('请求体不是可校验的对象');
  });
});
