import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  AcknowledgeNoticeHandler,
  DecideExtensionHandler,
  RecordFollowUpHandler,
  RequestExtensionHandler,
  ReviewReportHandler,
  SubmitReportHandler,
} from './application/case-commands.js';
import { IssueNoticeHandler } from './application/issue-notice.js';
import { RectificationCases } from './application/rectification-cases.js';
import { GetRectificationHandler, ListPublicNoticesHandler, ListRectificationsHandler } from './application/rectification.queries.js';
import { RectificationViews } from './read-models/rectification-views.js';

@Module({
  imports: [CqrsModule],
  providers: [
    RectificationCases,
    IssueNoticeHandler,
    AcknowledgeNoticeHandler,
    RequestExtensionHandler,
    DecideExtensionHandler,
    SubmitReportHandler,
    ReviewReportHandler,
    RecordFollowUpHandler,
    ListRectificationsHandler,
    GetRectificationHandler,
    ListPublicNoticesHandler,
    RectificationViews,
  ],
  exports: [RectificationCases],
})
export class RectificationsModule {}
