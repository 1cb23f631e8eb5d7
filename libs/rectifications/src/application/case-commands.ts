import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@app/event-store';
import type { CommandOutcome, CommandRequest } from '@app/identity';
import { inspectionDecider, inspectionStreamId } from '@app/inspections';
import type { RectificationState } from '../domain/rectification.decider.js';
import type { CorrectiveAction, Evidence } from '../domain/rectification.events.js';
import { RectificationCases } from './rectification-cases.js';

type Outcome = CommandOutcome<RectificationState>;

abstract class CaseCommand<Data> extends Command<Outcome> {
  constructor(
    readonly rectificationId: string,
    readonly data: Data,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

export class AcknowledgeNotice extends CaseCommand<Record<string, never>> {}
export class RequestExtension extends CaseCommand<{ requestedDueAt: string; reason: string }> {}
export class DecideExtension extends CaseCommand<{ approve: boolean; reason: string }> {}
export class SubmitReport extends CaseCommand<{ summary: string; actions: CorrectiveAction[]; evidence: Evidence[] }> {}
export class ReviewReport extends CaseCommand<{ decision: 'accept' | 'return'; comment: string }> {}
export class RecordFollowUp extends CaseCommand<{ inspectionId: string }> {}

@CommandHandler(AcknowledgeNotice)
export class AcknowledgeNoticeHandler implements ICommandHandler<AcknowledgeNotice> {
  constructor(@Inject(RectificationCases) private readonly cases: RectificationCases) {}
  execute({ rectificationId, request }: AcknowledgeNotice) {
    return this.cases.run(rectificationId, { type: 'AcknowledgeNotice', data: {} }, request);
  }
}

@CommandHandler(RequestExtension)
export class RequestExtensionHandler implements ICommandHandler<RequestExtension> {
  constructor(@Inject(RectificationCases) private readonly cases: RectificationCases) {}
  execute({ rectificationId, data, request }: RequestExtension) {
    return this.cases.run(rectificationId, { type: 'RequestExtension', data }, request);
  }
}

@CommandHandler(DecideExtension)
export class DecideExtensionHandler implements ICommandHandler<DecideExtension> {
  constructor(@Inject(RectificationCases) private readonly cases: RectificationCases) {}
  execute({ rectificationId, data, request }: DecideExtension) {
    return this.cases.run(rectificationId, { type: 'DecideExtension', data }, request);
  }
}

@CommandHandler(SubmitReport)
export class SubmitReportHandler implements ICommandHandler<SubmitReport> {
  constructor(@Inject(RectificationCases) private readonly cases: RectificationCases) {}
  execute({ rectificationId, data, request }: SubmitReport) {
    return this.cases.run(rectificationId, { type: 'SubmitReport', data }, request);
  }
}

@CommandHandler(ReviewReport)
export class ReviewReportHandler implements ICommandHandler<ReviewReport> {
  constructor(@Inject(RectificationCases) private readonly cases: RectificationCases) {}
  execute({ rectificationId, data, request }: ReviewReport) {
    return this.cases.run(rectificationId, { type: 'ReviewReport', data }, request);
  }
}

@CommandHandler(RecordFollowUp)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUp> {
  constructor(
    @Inject(RectificationCases) private readonly cases: RectificationCases,
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
  ) {}
  execute({ rectificationId, data, request }: RecordFollowUp) {
    return this.cases.run(rectificationId, { type: 'RecordFollowUp', data }, request, async () => ({
      inspection: (await this.executor.load(inspectionDecider, inspectionStreamId(data.inspectionId))).state,
    }));
  }
}
