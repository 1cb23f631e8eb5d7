import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { PERIOD, TASK_STATUSES, type TaskStatus } from '@app/plan-supervision/domain';
import { ListQuery } from '../http/lists/lists.js';

const NOT_BLANK = /\S/;
const PERIOD_MESSAGE = 'period must be a month YYYY-MM (01–12), e.g. 2025-03';

/** No two items of a report name the same task. */
const UniqueTaskNos = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'uniqueTaskNos',
    target: target.constructor,
    propertyName,
    options: { message: 'items must name each taskNo at most once', context: { zh: 'items 中每个 taskNo 只能出现一次' } },
    validator: {
      validate: (value: unknown) => {
        if (!Array.isArray(value)) return true;
        const taskNos = value.map((item: unknown) => (item !== null && typeof item === 'object' ? (item as { taskNo?: unknown }).taskNo : undefined));
        return new Set(taskNos).size === taskNos.length;
      },
    },
  });

export class MonthlyReportItemDto {
  @ApiProperty({ minimum: 1, maximum: 999, example: 15, description: 'A task of the plan that the caller’s unit leads or shares' })
  @Min(1)
  @Max(999)
  @IsInt()
  taskNo: number;

  @ApiProperty({ enum: TASK_STATUSES })
  @IsIn(TASK_STATUSES)
  status: TaskStatus;

  @ApiProperty({ maxLength: 2000, example: '已完成全县幼儿园年检，3所限期整改' })
  @Matches(NOT_BLANK, { message: 'progress must not be blank' })
  @Length(1, 2000)
  @IsString()
  progress: string;
}

/** An upload the report cites as evidence (佐证材料): `{attachmentId, caption?}`. */
export class MonthlyReportEvidenceDto {
  @ApiProperty({ format: 'uuid', description: 'An attachment from POST /attachments, uploaded by a user of the caller’s unit' })
  @IsUUID('all', { message: 'attachmentId must be the id of an uploaded attachment' })
  attachmentId: string;

  @ApiPropertyOptional({ maxLength: 500, example: '督导检查现场照片' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  caption?: string;
}

const EVIDENCE_DESCRIPTION = 'Optional: uploads (POST /attachments) by users of the caller’s unit, else 422 `unknown-attachment`';

export class MonthlyReportDto {
  @ApiProperty({ pattern: PERIOD.source, example: '2025-03', description: 'The month reported on (Asia/Shanghai), once it has ended' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  @IsString()
  period: string;

  @ApiProperty({ type: [MonthlyReportItemDto], minItems: 1, description: 'One item per task, each task at most once' })
  @UniqueTaskNos()
  @ValidateNested({ each: true })
  @Type(() => MonthlyReportItemDto)
  @IsObject({ each: true, message: 'each item must be an object {taskNo, status, progress}' })
  @ArrayMaxSize(100)
  @ArrayMinSize(1)
  @IsArray()
  items: MonthlyReportItemDto[];

  @ApiPropertyOptional({ type: [MonthlyReportEvidenceDto], description: EVIDENCE_DESCRIPTION })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MonthlyReportEvidenceDto)
  @IsObject({ each: true, message: 'each evidence item must be an object {attachmentId, caption?}' })
  @ArrayMaxSize(100)
  @IsArray()
  evidence?: MonthlyReportEvidenceDto[];
}

/** The corrected report (PUT): the period is the path's. */
export class AmendMonthlyReportDto {
  @ApiProperty({ type: [MonthlyReportItemDto], minItems: 1, description: 'One item per task, each task at most once' })
  @UniqueTaskNos()
  @ValidateNested({ each: true })
  @Type(() => MonthlyReportItemDto)
  @IsObject({ each: true, message: 'each item must be an object {taskNo, status, progress}' })
  @ArrayMaxSize(100)
  @ArrayMinSize(1)
  @IsArray()
  items: MonthlyReportItemDto[];

  @ApiPropertyOptional({ type: [MonthlyReportEvidenceDto], description: EVIDENCE_DESCRIPTION })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MonthlyReportEvidenceDto)
  @IsObject({ each: true, message: 'each evidence item must be an object {attachmentId, caption?}' })
  @ArrayMaxSize(100)
  @IsArray()
  evidence?: MonthlyReportEvidenceDto[];
}

export class ListMonthlyReportsQuery extends ListQuery {
  @ApiProperty({ pattern: PERIOD.source, example: '2025-03' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  @IsString()
  period: string;

  @ApiPropertyOptional({ example: 'county-education-bureau', description: 'One unit only (implied for a department)' })
  @IsOptional()
  @Length(1, 63)
  @IsString()
  unitId?: string;
}

export class ListPlanTasksQuery extends ListQuery {
  @ApiPropertyOptional({ example: 'county-education-bureau', description: 'Only the tasks this unit leads or shares' })
  @IsOptional()
  @Length(1, 63)
  @IsString()
  unitId?: string;
}

export class PublishBulletinDto {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2025 })
  @Min(2000)
  @Max(2100)
  @IsInt()
  year: number;

  @ApiProperty({ minimum: 1, maximum: 4, example: 1 })
  @Min(1)
  @Max(4)
  @IsInt()
  quarter: number;
}

export class OpenAssessmentDto {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2025 })
  @Min(2000)
  @Max(2100)
  @IsInt()
  year: number;
}
