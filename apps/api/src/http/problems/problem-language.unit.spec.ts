import { describe, expect, it } from '@jest/globals';
import { problem } from './problem-details.js';
import { localisedProblem, problemLanguage } from './problem-language.js';

describe('problemLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['*', 'en'],
    ['de-DE, fr;q=0.8', 'en'],
    ['zh', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['ZH-hans-cn', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['en;q=0.5, zh-TW;q=0.6', 'zh'],
    ['fr, zh;q=0.1', 'zh'],
    ['zh;q=0, en;q=0.1', 'en'],
    ['zh;q=0', 'en'],
  ])('Accept-Language %p prefers %s', (header, language) => {
    expect(problemLanguage(header)).toBe(language);
  });
});

describe('localisedProblem', () => {
  const refusal = problem(422, 'finding-not-addressed', 'No action for finding S-02', { codes: ['S-02', 'Q-01'] });

  it('keeps everything but title, detail and messages, and fills the Chinese detail from the extensions', () => {
    const zh = localisedProblem(refusal, 'zh');
    expect(zh).toEqual({
      ...refusal,
      title: '有问题未回应',
      detail: '整改报告须逐项回应通知中的每个问题；尚未回应：S-02、Q-01',
    });
    expect(localisedProblem(refusal, 'en')).toEqual(refusal);
  });

  it('sends one message per field: the Chinese one, or a Chinese sentence naming the field when none was given', () => {
    const invalid = problem(400, 'validation-failed', 'The request is not valid', {
      errors: [
        { field: 'year', message: 'year must not be greater than 2100', zh: 'year 不能大于 2100' },
        { field: 'x', message: 'x is odd' },
      ],
      moreErrors: 3,
    });
    expect(localisedProblem(invalid, 'zh')).toMatchObject({
      code: 'validation-failed',
      title: '请求内容无效',
      detail: '请求内容不符合要求，请按 errors 中列出的字段修改；仅列出前 20 项，另有 3 项',
      errors: [
        { field: 'year', message: 'year 不能大于 2100' },
        { field: 'x', message: 'x 不符合要求' },
      ],
    });
    const en = localisedProblem(invalid, 'en');
    expect(en.errors).toEqual([
      { field: 'year', message: 'year must not be greater than 2100' },
      { field: 'x', message: 'x is odd' },
    ]);
    expect(en.detail).toBe('The request is not valid');
  });

  it('says in Chinese where a case stands when it refuses a transition', () => {
    const refused = problem(409, 'invalid-transition', 'Cannot acknowledge a case that is submitted', { caseStatus: 'submitted' });
    expect(localisedProblem(refused, 'zh').detail).toBe('整改案件当前已提交整改报告、等待审核，不能进行此操作');
    expect(localisedProblem(problem(409, 'invalid-transition', 'x'), 'zh').detail).toBe('记录当前的状态不允许此操作');
  });

  it('a code without Chinese texts keeps its English title and detail', () => {
    const unknown = problem(409, 'no-such-code-anywhere', 'Something specific');
    expect(localisedProblem(unknown, 'zh')).toEqual(unknown);
  });
});
