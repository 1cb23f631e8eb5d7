import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FindingResponse } from '../inspections/inspection.responses.js';

class ActionResponse {
  @ApiProperty() findingCode: string;
  @ApiProperty() action: string;
}

class EvidenceResponse {
  @ApiPropertyOptional({ description: 'An uploaded attachment (GET /attachments/{id}); absent on a v1 reference' }) attachmentId?: string;
  @ApiPropertyOptional() caption?: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: 'With attachmentId' }) contentType?: string;
  @ApiProperty() sha256: string;
  @ApiProperty() sizeBytes: number;
}

class ReviewResponse {
  @ApiProperty({ enum: ['accept', 'return'] }) decision: string;
  @ApiProperty() comment: string;
  @ApiProperty() reviewedAt: string;
}

class ReportResponse {
  @ApiProperty() reportNo: number;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [ActionResponse] }) actions: ActionResponse[];
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceResponse[];
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'Submitted after the dueAt then in force' }) late: boolean;
  @ApiProperty({ type: ReviewResponse, nullable: true }) review: ReviewResponse | null;
}

class ExtensionResponse {
  @ApiProperty() requestedDueAt: string;
  @ApiProperty() reason: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ enum: ['pending', 'granted', 'denied'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
}

class DeadlineResetResponse {
  @ApiProperty() previousDueAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty() reason: string;
  @ApiProperty() resetAt: string;
}

class WithdrawalResponse {
  @ApiProperty() reason: string;
  @ApiProperty() withdrawnAt: string;
}

export class RectificationResponse {
  @ApiProperty({ example: 'rc-annual-2025-cg-kg-01' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '清教督改〔2026〕3号', description: '文号; null for notices issued before v1.1' })
  documentNo: string | null;
  @ApiProperty() kindergartenId: string;
  @ApiProperty() inspectionId: string;
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
  @ApiProperty({ enum: ['issued', 'acknowledged', 'submitted', 'returned', 'closed', 'failed', 'withdrawn'] }) status: string;
  @ApiProperty({ description: 'The deadline as given: {workingDays} or {dueAt}' }) deadline: object;
  @ApiProperty({ example: '2025-03-31T23:59:59.999+08:00' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() publish: boolean;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ type: [ReportResponse] }) reports: ReportResponse[];
  @ApiProperty({ type: ExtensionResponse, nullable: true, description: 'The latest extension request' }) extension: ExtensionResponse | null;
  @ApiProperty({ nullable: true, type: Object }) followUp: object | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a notice issued unpublished was published' }) publishedAt: string | null;
  @ApiProperty({ type: DeadlineResetResponse, nullable: true, description: 'The latest new deadline a supervisor set' })
  deadlineReset: DeadlineResetResponse | null;
  @ApiProperty({ type: WithdrawalResponse, nullable: true }) withdrawal: WithdrawalResponse | null;
  @ApiProperty({ description: 'Version of rectification-{id}; also the ETag' }) version: number;
}

export class RectificationList {
  @ApiProperty({ type: [RectificationResponse] }) items: RectificationResponse[];
  @ApiPropertyOptional() next?: string;
}
