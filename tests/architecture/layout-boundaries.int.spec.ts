import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary rule's messages for `code` placed at `path` (the file need not exist). */
const violations = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages.filter((message) => message.ruleId === 'boundaries/imports').map((message) => message.message);
};

describe('The layout rule (npm run lint)', () => {
  describe('domain code', () => {
    const at = 'libs/rectifications/src/domain/fixture.ts';

    it('may import domain entries, its own domain files, the kernel and pure packages', async () => {
      const code = [
        "import { RuleViolationError } from '@app/event-sourcing';",
        "import { formatShanghai } from '@app/calendar/domain';",
        "import type { InspectionState } from '@app/inspections/domain';",
        "import { rectificationDecider } from './rectification.decider.js';",
        "import { createHash } from 'node:crypto';",
        'export const used = [RuleViolationError, formatShanghai, rectificationDecider, createHash] as unknown as InspectionState;',
      ].join('\n');
      expect(await violations(at, code)).toEqual([]);
    });

    it.each([
      ['a framework', "import { Injectable } from '@nestjs/common';"],
      ['a validation library', "import { IsString } from 'class-validator';"],
      ['a database client', "import pg from 'pg';"],
      ['the embedded database', "import { PGlite } from '@electric-sql/pglite';"],
      ['a queue', "import { Queue } from 'bullmq';"],
      ['Redis', "import { Redis } from 'ioredis';"],
      ['a feature barrel that reaches Nest', "import { formatShanghai } from '@app/calendar';"],
      ['an adapter lib', "import { PostgresEventStore } from '@app/event-store';"],
      ['its own feature outside domain/', "import { RectificationCases } from '../application/rectification-cases.js';"],
      ['I/O', "import { readFile } from 'node:fs/promises';"],
      ['a type from a barrel', "import type { Settings } from '@app/config';"],
      ['a re-export of a barrel', "export * from '@app/inspections';"],
    ])('may not import %s', async (_what, code) => {
      expect(await violations(at, `${code}\nexport {};`)).toHaveLength(1);
    });
  });

  it('the kernel is held to the same rule', async () => {
    expect(await violations('libs/event-sourcing/src/fixture.ts', "import { Injectable } from '@nestjs/common';\nexport { Injectable };")).toHaveLength(1);
  });

  it('libs never import apps', async () => {
    expect(await violations('libs/audit/src/fixture.ts', "import { createApp } from '../../../apps/api/src/app.js';\nexport { createApp };")).toEqual([
      expect.stringContaining('libs never import apps'),
    ]);
  });

  it('apps never import each other, but may import their own files and libs', async () => {
    expect(await violations('apps/cli/src/fixture.ts', "import { createApp } from '../../api/src/app.js';\nexport { createApp };")).toEqual([
      expect.stringContaining('apps never import each other'),
    ]);
    expect(await violations('apps/api/src/fixture.ts', "import { createApp } from './app.js';\nimport { Settings } from '@app/config';\nexport { createApp, Settings };")).toEqual(
      [],
    );
  });
});
