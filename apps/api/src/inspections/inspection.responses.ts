import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_KINDS, OUTCOMES, SEVERITIES } from '@app/inspections/domain';

export class FindingResponse {
  @ApiProperty() code: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
}

class WithdrawnFindingResponse extends FindingResponse {
  @ApiProperty() reason: string;
  @ApiProperty() withdrawnAt: string;
}

class CancellationResponse {
  @ApiProperty() reason: string;
  @ApiProperty() cancelledAt: string;
}

export class InspectionResponse {
  @ApiProperty({ example: 'annual-2025-cg-kg-01' }) id: string;
  @ApiProperty() kindergartenId: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date' }) scheduledOn: string;
  @ApiProperty({ enum: ['scheduled', 'concluded', 'cancelled'] }) status: string;
  @ApiProperty({ enum: OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
  @ApiProperty({ type: [WithdrawnFindingResponse], description: 'Findings withdrawn before the conclusion' })
  withdrawnFindings: WithdrawnFindingResponse[];
  @ApiProperty({ nullable: true, type: String }) concludedAt: string | null;
  @ApiProperty({ type: CancellationResponse, nullable: true }) cancellation: CancellationResponse | null;
  @ApiProperty({ description: 'Version of inspection-{id}; also the ETag' }) version: number;
}

export class InspectionList {
  @ApiProperty({ type: [InspectionResponse] }) items: InspectionResponse[];
  @ApiPropertyOptional() next?: string;
}
