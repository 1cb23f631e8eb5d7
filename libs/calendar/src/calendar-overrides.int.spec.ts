import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CalendarOverridesError, loadCalendarOverrides } from './calendar-overrides.js';
import { createCalendar } from './create-calendar.js';

// TEST FIXTURE, NOT OFFICIAL DATA: no 2027 arrangement is known; 1 January is a public holiday by law every year.
const FICTITIOUS_2027 = { source: 'test fixture, not an official notice', holidays: ['2027-01-01'], makeUpWorkdays: [] };

describe('loadCalendarOverrides', () => {
  let directory: string;
  const file = async (name: string, content: string): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, content, 'utf8');
    return path;
  };
  const rejection = async (path: string): Promise<CalendarOverridesError> => {
    const error = await loadCalendarOverrides(path).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CalendarOverridesError);
    return error as CalendarOverridesError;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'calendar-overrides-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a valid file, and the calendar it builds covers the added year', async () => {
    const path = await file('valid.json', JSON.stringify({ years: { 2027: FICTITIOUS_2027 } }, null, 2));
    const overrides = await loadCalendarOverrides(path);
    expect(overrides).toEqual({ years: [{ year: 2027, ...FICTITIOUS_2027 }] });
    const calendar = createCalendar(overrides);
    expect(calendar.coveredYears().at(-1)).toBe(2027);
    expect(calendar.deadline('2026-12-30', 3).dueDate).toBe('2027-01-05');
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const path = await file('bom.json', `\uFEFF${JSON.stringify({ years: {} })}`);
    await expect(loadCalendarOverrides(path)).resolves.toEqual({ years: [] });
  });

  it('refuses a file that cannot be read, naming it', async () => {
    const path = join(directory, 'missing.json');
    const error = await rejection(path);
    expect(error.message).toContain(`Invalid calendar override file ${path}:`);
    expect(error.problems).toEqual([expect.stringMatching(/^cannot be read: ENOENT/)]);
  });

  it('refuses a file that is not JSON', async () => {
    const error = await rejection(await file('broken.json', '{ "years": { "2027": '));
    expect(error.problems).toEqual([expect.stringMatching(/^is not valid JSON: /)]);
  });

  it('refuses unsound content, listing every problem with the file name', async () => {
    const path = await file(
      'unsound.json',
      JSON.stringify({ years: { 2027: { ...FICTITIOUS_2027, holidays: ['2027-02-29'], makeUpWorkdays: ['2027-01-04'] } } }),
    );
    const error = await rejection(path);
    expect(error.message).toBe(
      [
        `Invalid calendar override file ${path}:`,
        '  - years.2027.holidays[0]: 2027-02-29 is not a real date',
        '  - years.2027.makeUpWorkdays[0]: 2027-01-04 is a Monday; make-up working days are Saturdays or Sundays',
      ].join('\n'),
    );
  });
});
