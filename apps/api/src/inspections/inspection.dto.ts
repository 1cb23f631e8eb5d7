import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { INSPECTION_KINDS, OUTCOMES, SEVERITIES, type InspectionKind, type Outcome, type Severity } from '@app/inspections/domain';
import { KINDERGARTEN_ID } from '../kindergartens/kindergarten.dto.js';
import { ListQuery } from '../http/lists/lists.js';
import { IsDateOnly } from '../http/validation/validation.js';

export const FINDING_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const INSPECTION_STATUSES = ['scheduled', 'concluded', 'cancelled'] as const;
const NOT_BLANK = /\S/;

export class ScheduleInspectionDto {
  @ApiProperty({ pattern: KINDERGARTEN_ID.source })
  @Matches(KINDERGARTEN_ID, { message: 'kindergartenId must match ^[a-z0-9][a-z0-9-]{1,62}$' })
  kindergartenId: string;

  @ApiProperty({ enum: INSPECTION_KINDS, description: 'annual 年检, safety 安全隐患排查, quality 保教质量监测评估, follow-up 复查' })
  @IsIn(INSPECTION_KINDS)
  kind: InspectionKind;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2025 })
  @Min(2000)
  @Max(2100)
  @IsInt()
  year: number;

  @ApiProperty({ format: 'date', example: '2025-03-10' })
  @IsDateOnly()
  scheduledOn: string;
}

export class FindingDto {
  @ApiProperty({ pattern: FINDING_CODE.source, example: 'S-01' })
  @Matches(FINDING_CODE, { message: 'code must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' })
  code: string;

  @ApiProperty({ maxLength: 2000, example: '消防通道堆放杂物，影响疏散' })
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  @Length(1, 2000)
  @IsString()
  description: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: Severity;
}

export class RescheduleDto {
  @ApiProperty({ format: 'date', example: '2025-03-12', description: 'Within the inspection’s year' })
  @IsDateOnly()
  scheduledOn: string;

  @ApiProperty({ maxLength: 2000, example: '园方大型活动，改期检查' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 2000 })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class AmendFindingDto {
  @ApiProperty({ maxLength: 2000, example: '消防通道堆放杂物，影响疏散' })
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  @Length(1, 2000)
  @IsString()
  description: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: Severity;
}

export class ConclusionDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiProperty({ maxLength: 5000, example: '存在安全隐患，需限期整改' })
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  @Length(1, 5000)
  @IsString()
  summary: string;
}

export class ListInspectionsQuery extends ListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KINDERGARTEN_ID)
  kindergartenId?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @Min(2000)
  @Max(2100)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ enum: INSPECTION_KINDS })
  @IsOptional()
  @IsIn(INSPECTION_KINDS)
  kind?: InspectionKind;

  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'The kindergarten’s township', maxLength: 100 })
  @IsOptional()
  @Length(1, 100)
  @IsString()
  township?: string;
}
