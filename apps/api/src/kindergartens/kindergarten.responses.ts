import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OWNERSHIPS } from '@app/kindergartens/domain';

class DisclosureResponse {
  @ApiProperty() teachers: number;
  @ApiProperty() caregivers: number;
  @ApiProperty() children: number;
  @ApiProperty() monthlyFeeYuan: number;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ example: '2025-03-03T10:00:00.000+08:00' }) publishedAt: string;
}

class ClosureResponse {
  @ApiProperty({ format: 'date' }) closedOn: string;
  @ApiProperty() reason: string;
  @ApiProperty({ example: '2025-08-31T10:00:00.000+08:00' }) closedAt: string;
}

class SuspensionResponse {
  @ApiProperty() rectificationId: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty() reason: string;
  @ApiProperty() suspendedAt: string;
}

class StatementResponse {
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) attachmentIds: string[];
  @ApiProperty() submittedAt: string;
}

class ProposalResponse {
  @ApiProperty() rectificationId: string;
  @ApiProperty() facts: string;
  @ApiProperty() basis: string;
  @ApiProperty({ format: 'date' }) proposedFrom: string;
  @ApiProperty() proposedAt: string;
  @ApiProperty({ description: 'The end of the statement period (陈述申辩期限)' }) statementDueAt: string;
  @ApiPropertyOptional({ type: StatementResponse }) statement?: StatementResponse;
  @ApiPropertyOptional({ enum: [true] }) waived?: true;
  @ApiPropertyOptional() waivedAt?: string;
}

class DecidedSuspensionResponse {
  @ApiProperty() rectificationId: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ description: 'The decision’s reason: its answer to the statement' }) reason: string;
  @ApiProperty() decidedAt: string;
}

class EnrolmentResponse {
  @ApiProperty({ enum: ['open', 'suspended'] }) status: string;
  @ApiPropertyOptional({ type: ProposalResponse, description: 'The pending proposal; while suspended, the one the suspension decided' })
  proposal?: ProposalResponse;
  @ApiPropertyOptional({ type: DecidedSuspensionResponse }) suspension?: DecidedSuspensionResponse;
}

class LatestResult {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['passed', 'failed'] }) outcome: string;
}

export class KindergartenResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() township: string;
  @ApiProperty({ enum: OWNERSHIPS }) ownership: string;
  @ApiProperty() registeredAt: string;
  @ApiProperty({ type: DisclosureResponse, nullable: true }) disclosure: DisclosureResponse | null;
  @ApiProperty({ description: 'Closed (停办): it gets no new inspections' }) closed: boolean;
  @ApiProperty({ type: ClosureResponse, nullable: true }) closure: ClosureResponse | null;
  @ApiProperty({ enum: ['open', 'suspended'] }) enrolmentStatus: string;
  @ApiProperty({ description: 'Version of enrolment-{id}: send it as If-Match to suspend or reinstate' }) enrolmentVersion: number;
  @ApiProperty({ type: SuspensionResponse, nullable: true, description: 'The suspension in force, with its effective date' })
  suspension: SuspensionResponse | null;
  @ApiProperty({ type: EnrolmentResponse, description: 'Enrolment and its due process (陈述申辩)' }) enrolment: EnrolmentResponse;
  @ApiProperty({ description: 'Cases issued, acknowledged, submitted or returned' }) openRectifications: number;
  @ApiProperty({ type: LatestResult, nullable: true }) latestAnnual: LatestResult | null;
  @ApiProperty({ type: LatestResult, nullable: true }) latestQuality: LatestResult | null;
  @ApiProperty({ description: 'Version of kindergarten-{id}; also the ETag' }) version: number;
}

export class KindergartenList {
  @ApiProperty({ type: [KindergartenResponse] }) items: KindergartenResponse[];
  @ApiPropertyOptional({ description: 'URL of the next page' }) next?: string;
}
