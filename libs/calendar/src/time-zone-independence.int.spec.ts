import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const official = fileURLToPath(new URL('./official.ts', import.meta.url));
const domain = fileURLToPath(new URL('./domain/index.ts', import.meta.url));

// Jest's process.env is a copy, so changing TZ inside a test does not reach Date: each zone gets its own Node process.
const probe = `
const { createCalendar } = await import(${JSON.stringify(official)});
const { formatShanghai, shanghaiDate } = await import(${JSON.stringify(domain)});
const calendar = createCalendar();
process.stdout.write(JSON.stringify({
  localOffset: new Date(2025, 0, 1).getTimezoneOffset(),
  newYear: calendar.isWorkingDay('2025-01-01'),
  makeUp: calendar.isWorkingDay('2025-01-26'),
  springFestivalEve: calendar.isWorkingDay('2025-01-28'),
  deadline: calendar.deadline('2025-01-24', 3),
  friday: calendar.deadline('2025-03-07', 1),
  date: shanghaiDate(new Date('2025-01-27T16:00:00Z')),
  written: formatShanghai(new Date('2025-01-27T23:59:59.999Z')),
}));
`;

describe('results independent of the process time zone', () => {
  it.each([
    ['UTC', 0],
    ['America/New_York', 300],
    ['Pacific/Kiritimati', -840],
    ['Asia/Shanghai', -480],
  ])('under TZ=%s', async (zone, localOffset) => {
    const { stdout } = await run(process.execPath, ['--import', '@swc-node/register/esm-register', '--input-type=module', '--eval', probe], {
      env: { ...process.env, TZ: zone, NODE_OPTIONS: '' },
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    });
    expect(JSON.parse(stdout)).toEqual({
      localOffset,
      newYear: false,
      makeUp: true,
      springFestivalEve: false,
      deadline: { dueDate: '2025-02-05', dueAt: '2025-02-05T23:59:59.999+08:00' },
      friday: { dueDate: '2025-03-10', dueAt: '2025-03-10T23:59:59.999+08:00' },
      date: '2025-01-28',
      written: '2025-01-28T07:59:59.999+08:00',
    });
  });
});
