import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '@app/commands';
import { ReadModels } from '@app/projections';

/** How a route answers its command: the body, and what must have caught up first. */
export interface Answer<O extends CommandOutcome<unknown>, V> {
  /** The read models (by stream category) that must include the command, so a GET right after shows it. */
  readonly readModel?: string;
  /** The body; may throw (404 for a resource the caller may not see). */
  readonly view: (outcome: O) => V | Promise<V>;
  /** The ETag's version when the body is not the aggregate itself (a read model's row); else the outcome's. */
  readonly version?: (view: V) => number;
  /** Where the resource lives: the Location of a 201. */
  readonly location: (view: V) => string;
}

/** Answers a command at the HTTP edge: waits for the read models, then the body with its ETag (and Location when created). */
@Injectable()
export class CommandAnswers {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async ok<O extends CommandOutcome<unknown>, V>(reply: FastifyReply, outcome: O, answer: Answer<O, V>): Promise<V> {
    if (answer.readModel) await this.readModels.catchUp(outcome.position, answer.readModel);
    const view = await answer.view(outcome);
    reply.header('etag', `"${answer.version ? answer.version(view) : outcome.version}"`);
    return view;
  }

  async created<O extends CommandOutcome<unknown>, V>(reply: FastifyReply, outcome: O, answer: Answer<O, V>): Promise<V> {
    const view = await this.ok(reply, outcome, answer);
    reply.header('location', answer.location(view));
    return view;
  }
}
