import { describe, expect, it } from '@jest/globals';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('carries a Chinese name in filename* and an ASCII fallback', () => {
    expect(contentDisposition('整改通知书.docx')).toBe(
      `attachment; filename="_____.docx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E9%80%9A%E7%9F%A5%E4%B9%A6.docx`,
    );
  });

  it('escapes quotes, backslashes and the characters RFC 5987 reserves', () => {
    expect(contentDisposition(`a"b\\c'(1).jpg`, 'inline')).toBe(`inline; filename="a_b_c'(1).jpg"; filename*=UTF-8''a%22b%5Cc%27%281%29.jpg`);
  });
});
