import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CommandRunner, type CommandData, type CommandOutcome, type CommandRequest } from '@app/commands';
import { NotFoundError, derivedUuidV7, isKeyedCommandId } from '@app/event-sourcing';
import { isClosed, kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import type { InspectionCommand } from '../domain/inspection.commands.js';
import { annualInspectionId, inspectionDecider, inspectionStreamId, requireFinding, type InspectionState } from '../domain/inspection.decider.js';

type Outcome = CommandOutcome<InspectionState>;

const mustExist = (state: InspectionState): void => {
  if (state.status === 'none') throw new NotFoundError('not-found', 'No such inspection');
};

/** The inspections' use cases. */
@Injectable()
export class InspectionCommands {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  /**
   * An annual inspection's id is deterministic (once per kindergarten and year); any other gets a fresh one, the same
   * for every attempt of a keyed (retried) request, so that a retry finds the inspection its first attempt created.
   */
  schedule(data: Omit<CommandData<InspectionCommand, 'ScheduleInspection'>, 'inspectionId'>, request: CommandRequest): Promise<Outcome> {
    const { commandId } = request.metadata;
    const inspectionId =
      data.kind === 'annual'
        ? annualInspectionId(data.kindergartenId, data.year)
        : isKeyedCommandId(commandId)
          ? derivedUuidV7(request.now, `inspection:${commandId}`)
          : uuidv7();
    return this.runner.execute(
      inspectionDecider,
      inspectionStreamId(inspectionId),
      { type: 'ScheduleInspection', data: { inspectionId, ...data } },
      {
        metadata: request.metadata,
        context: async () => {
          const kindergarten = await this.runner.load(kindergartenDecider, kindergartenStreamId(data.kindergartenId));
          return {
            now: request.now,
            actor: request.caller,
            kindergartenRegistered: kindergarten.state.status === 'registered',
            kindergartenClosed: isClosed(kindergarten.state),
          };
        },
      },
    );
  }

  recordFinding(inspectionId: string, finding: CommandData<InspectionCommand, 'RecordFinding'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'RecordFinding', data: finding }, request);
  }

  conclude(inspectionId: string, data: CommandData<InspectionCommand, 'ConcludeInspection'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'ConcludeInspection', data }, request);
  }

  reschedule(inspectionId: string, data: CommandData<InspectionCommand, 'RescheduleInspection'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'RescheduleInspection', data }, request);
  }

  cancel(inspectionId: string, data: CommandData<InspectionCommand, 'CancelInspection'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'CancelInspection', data }, request);
  }

  amendFinding(inspectionId: string, data: CommandData<InspectionCommand, 'AmendFinding'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'AmendFinding', data }, request, data.code);
  }

  withdrawFinding(inspectionId: string, data: CommandData<InspectionCommand, 'WithdrawFinding'>, request: CommandRequest): Promise<Outcome> {
    return this.onExisting(inspectionId, { type: 'WithdrawFinding', data }, request, data.code);
  }

  /** `findingCode`: a finding the path names, which must exist like the inspection itself (404 before 412). */
  private onExisting(inspectionId: string, command: InspectionCommand, request: CommandRequest, findingCode?: string): Promise<Outcome> {
    return this.runner.execute(inspectionDecider, inspectionStreamId(inspectionId), command, {
      context: { now: request.now, actor: request.caller, kindergartenRegistered: true },
      metadata: request.metadata,
      expectedVersion: request.expectedVersion,
      precondition: (state) => {
        mustExist(state);
        if (findingCode !== undefined) requireFinding(state, findingCode);
      },
    });
  }
}
