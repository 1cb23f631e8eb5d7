import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_KINDS, OUTCOMES, SEVERITIES } from '@app/inspections/domain';

export class FindingResponse {
  @ApiProperty() code: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
}

export class InspectionResponse {
  @ApiProperty({ example: 'annual-2025-cg-kg-01' }) id: string;
  @ApiProperty() kindergartenId: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date' }) scheduledOn: string;
  @ApiProperty({ enum: ['scheduled', 'concluded'] }) status: string;
  @ApiProperty({ enum: OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
  @ApiProperty({ nullable: true, type: String }) concludedAt: string | null;
  @ApiProperty({ description: 'Version of inspection-{id}; also the ETag' }) version: number;
}

export class InspectionList {
  @ApiProperty({ type: [InspectionResponse] }) items: InspectionResponse[];
  @ApiPropertyOptional() next?: string;
}
