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
import { GetRectificationHandler, ListRectificationsHandler } from './application/rectification.queries.js';
import { RectificationList } from './read-models/rectification-list.js';

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
    RectificationList,
  ],
  exports: [RectificationCases],
})
export class RectificationsModule {}
