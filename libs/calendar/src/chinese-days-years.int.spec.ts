import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CHINESE_DAYS_VERSION, CHINESE_DAYS_YEARS, chineseDaysYears } from './chinese-days-years.js';

const packageDirectory = dirname(createRequire(import.meta.url).resolve('chinese-days/package.json'));

// Fails on an upgrade of chinese-days until its coverage is checked again and CHINESE_DAYS_YEARS follows.
describe('chinese-days coverage', () => {
  it('is the version the coverage was checked against', async () => {
    const manifest = JSON.parse(await readFile(join(packageDirectory, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(CHINESE_DAYS_VERSION);
  });

  it('ships a data file for exactly the declared years', async () => {
    const files = await readdir(join(packageDirectory, 'dist', 'years'));
    const years = files
      .map((name) => /^(\d{4})\.json$/.exec(name)?.[1])
      .filter((year) => year !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(years).toEqual([...CHINESE_DAYS_YEARS]);
  });

  it('reads every declared year, each with New Year’s Day among its holidays', () => {
    const years = chineseDaysYears();
    expect(years.map((data) => data.year)).toEqual([...CHINESE_DAYS_YEARS]);
    for (const data of years) expect(data.holidays).toContain(`${data.year}-01-01`);
  });
});
