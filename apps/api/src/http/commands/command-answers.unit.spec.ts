import { describe, expect, it } from '@jest/globals';
import type { FastifyReply } from 'fastify';
import type { ReadModels } from '@app/projections';
import { CommandAnswers, type Answer } from './command-answers.js';

const setUp = () => {
  const caughtUp: [number | null, string][] = [];
  const headers: Record<string, string> = {};
  const readModels = { catchUp: async (position: number | null, category: string) => caughtUp.push([position, category]) > 0 };
  const reply = { header: (name: string, value: string) => (headers[name] = value) };
  return { answers: new CommandAnswers(readModels as unknown as ReadModels), reply: reply as unknown as FastifyReply, caughtUp, headers };
};

const outcome = { state: { id: 'x-1' }, version: 3, position: 42 };
const answer: Answer<typeof outcome, { id: string; version: number }> = {
  readModel: 'x',
  view: ({ state, version }) => ({ id: state.id, version }),
  location: (view) => `/api/v1/xs/${view.id}`,
};

describe('CommandAnswers', () => {
  it('answers with the view and its ETag once the read models include the command, without Location', async () => {
    const { answers, reply, caughtUp, headers } = setUp();
    await expect(answers.ok(reply, outcome, answer)).resolves.toEqual({ id: 'x-1', version: 3 });
    expect(caughtUp).toEqual([[42, 'x']]);
    expect(headers).toEqual({ etag: '"3"' });
  });

  it('adds the Location of a created resource', async () => {
    const { answers, reply, headers } = setUp();
    await answers.created(reply, outcome, answer);
    expect(headers).toEqual({ etag: '"3"', location: '/api/v1/xs/x-1' });
  });

  it('takes the ETag from the view when it says so, and waits for nothing when told nothing', async () => {
    const { answers, reply, caughtUp, headers } = setUp();
    await answers.ok(reply, outcome, { ...answer, readModel: undefined, view: () => ({ id: 'x-1', version: 7 }), version: (view) => view.version });
    expect(caughtUp).toEqual([]);
    expect(headers).toEqual({ etag: '"7"' });
  });
});
