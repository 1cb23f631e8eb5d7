import { describe, expect, it } from '@jest/globals';
import { sanitiseFileName } from './file-names.js';

describe('sanitiseFileName', () => {
  it('keeps a Chinese name as it is', () => {
    expect(sanitiseFileName('消防通道整改后.jpg', 'jpg')).toBe('消防通道整改后.jpg');
  });

  it('keeps only the last path segment', () => {
    expect(sanitiseFileName('../../etc/passwd.png', 'png')).toBe('passwd.png');
    expect(sanitiseFileName('C:\\Users\\园长\\照片.jpg', 'jpg')).toBe('照片.jpg');
  });

  it('drops control and bidi-override characters', () => {
    expect(sanitiseFileName('a\u0000b\r\n\u202Egpj.exe', 'png')).toBe('abgpj.exe');
  });

  it('cuts a long name to 200 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'很'.repeat(300)}.pdf`, 'pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('很.pdf')).toBe(true);
  });

  it('names a file without a usable name by its type', () => {
    expect(sanitiseFileName('..', 'pdf')).toBe('attachment.pdf');
    expect(sanitiseFileName(undefined, 'jpg')).toBe('attachment.jpg');
  });
});
