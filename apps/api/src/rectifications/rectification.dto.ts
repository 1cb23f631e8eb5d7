import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { OPEN_STATUSES, type DeadlineSpec } from '@app/rectifications/domain';
import { FINDING_CODE } from '../inspections/inspection.dto.js';
import { KINDERGARTEN_ID } from '../kindergartens/kindergarten.dto.js';
import { ListQuery } from '../http/lists/lists.js';
import { IsDateOnly, IsInstant } from '../http/validation/validation.js';

const NOT_BLANK = /\S/;
const STATUSES = [...OPEN_STATUSES, 'closed', 'failed', 'withdrawn', 'open'] as const;

const notBoth = (other: keyof DeadlineDto) => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'notBoth',
    target: target.constructor,
    propertyName,
    options: { message: 'deadline takes either workingDays or dueAt, not both', context: { zh: 'deadline 只能给出 workingDays 或 dueAt 之一' } },
    validator: { validate: (_: unknown, args) => (args?.object as DeadlineDto)[other] === undefined },
  });

/** Exactly one of `workingDays` and `dueAt`. */
export class DeadlineDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 90, description: 'Working days after the day of issue (Asia/Shanghai, official calendar)' })
  @ValidateIf((deadline: DeadlineDto) => deadline.workingDays !== undefined || deadline.dueAt === undefined)
  @notBoth('dueAt')
  @Min(1)
  @Max(90)
  @IsInt({
    message: 'deadline needs workingDays (a whole number 1–90) or dueAt',
    context: { zh: 'deadline 须给出 workingDays（1–90 的整数）或 dueAt' },
  })
  workingDays?: number;

  @ApiPropertyOptional({ example: '2025-04-30T23:59:59+08:00', description: 'An instant in the future' })
  @ValidateIf((deadline: DeadlineDto) => deadline.dueAt !== undefined)
  @IsInstant()
  dueAt?: string;
}

export class IssueNoticeDto {
  @ApiProperty({ pattern: KINDERGARTEN_ID.source })
  @Matches(KINDERGARTEN_ID, { message: 'kindergartenId must match ^[a-z0-9][a-z0-9-]{1,62}$' })
  kindergartenId: string;

  @ApiProperty({ example: 'annual-2025-cg-kg-01' })
  @Length(1, 200)
  @IsString()
  inspectionId: string;

  @ApiProperty({ type: [String], minItems: 1, uniqueItems: true, example: ['S-01'] })
  @Matches(FINDING_CODE, { each: true, message: 'each finding code must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' })
  @ArrayUnique()
  @ArrayMaxSize(200)
  @ArrayMinSize(1)
  @IsArray()
  findingCodes: string[];

  @ApiProperty({ type: () => DeadlineDto, description: '`{workingDays: 1..90}` or `{dueAt}`' })
  @ValidateNested()
  @Type(() => DeadlineDto)
  // ValidateNested alone lets a missing deadline, or an array of deadlines, through
  @IsObject({ message: 'deadline must be an object: {workingDays} or {dueAt}' })
  deadline: DeadlineDto;

  @ApiProperty({ description: 'Publicly notified (通报): shown on /public/notices' })
  @IsBoolean()
  publish: boolean;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2025-05-15T23:59:59+08:00' })
  @IsInstant()
  requestedDueAt: string;

  @ApiProperty({ maxLength: 2000 })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiProperty({ maxLength: 2000 })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class CorrectiveActionDto {
  @ApiProperty({ pattern: FINDING_CODE.source })
  @Matches(FINDING_CODE, { message: 'findingCode must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' })
  findingCode: string;

  @ApiProperty({ maxLength: 2000, example: '已清理消防通道并设置禁止堆放标识' })
  @Matches(NOT_BLANK, { message: 'action must not be blank' })
  @Length(1, 2000)
  @IsString()
  action: string;
}

/** An uploaded attachment `{attachmentId, caption?}`, or the v1 reference `{name, sha256, sizeBytes}` (kept unverified). */
export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An attachment from POST /attachments, uploaded by a user of this kindergarten' })
  @ValidateIf((item: EvidenceDto) => item.attachmentId !== undefined || item.name === undefined)
  @IsUUID('all', { message: 'attachmentId must be the id of an uploaded attachment' })
  attachmentId?: string;

  @ApiPropertyOptional({ maxLength: 500, example: '消防通道清理后' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  caption?: string;

  @ApiPropertyOptional({ maxLength: 255, example: '消防通道整改后照片.jpg', description: 'v1 reference (without attachmentId)' })
  @ValidateIf((item: EvidenceDto) => item.attachmentId === undefined)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Length(1, 255)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$', description: 'v1 reference (without attachmentId)' })
  @ValidateIf((item: EvidenceDto) => item.attachmentId === undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal characters' })
  sha256?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_099_511_627_776, description: 'v1 reference (without attachmentId)' })
  @ValidateIf((item: EvidenceDto) => item.attachmentId === undefined)
  @Min(0)
  @Max(1_099_511_627_776)
  @IsInt()
  sizeBytes?: number;
}

export class ReportDto {
  @ApiProperty({ maxLength: 5000 })
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  @Length(1, 5000)
  @IsString()
  summary: string;

  @ApiProperty({ type: [CorrectiveActionDto], minItems: 1 })
  @ValidateNested({ each: true })
  @Type(() => CorrectiveActionDto)
  @IsObject({ each: true, message: 'each action must be an object {findingCode, action}' })
  @ArrayMaxSize(200)
  @ArrayMinSize(1)
  @IsArray()
  actions: CorrectiveActionDto[];

  @ApiProperty({ type: [EvidenceDto], description: 'May be empty' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  @IsObject({ each: true, message: 'each evidence item must be an object {attachmentId, caption?} or {name, sha256, sizeBytes}' })
  @ArrayMaxSize(100)
  @IsArray()
  evidence: EvidenceDto[];
}

export class ReviewDto {
  @ApiProperty({ enum: ['accept', 'return'] })
  @IsIn(['accept', 'return'])
  decision: 'accept' | 'return';

  @ApiProperty({ maxLength: 2000 })
  @MaxLength(2000)
  @IsString()
  comment: string;

  @ApiPropertyOptional({
    type: () => DeadlineDto,
    description: 'A new deadline for the resubmission: required for a `return` at or after `dueAt` (422 `deadline-required`)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineDto)
  @IsObject({ message: 'deadline must be an object: {workingDays} or {dueAt}' })
  deadline?: DeadlineDto;
}

export class NewDeadlineDto {
  @ApiProperty({ type: () => DeadlineDto, description: '`{workingDays: 1..90}` or `{dueAt}`' })
  @ValidateNested()
  @Type(() => DeadlineDto)
  @IsObject({ message: 'deadline must be an object: {workingDays} or {dueAt}' })
  deadline: DeadlineDto;

  @ApiProperty({ maxLength: 2000 })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class WithdrawalDto {
  @ApiProperty({ maxLength: 2000, example: '检查结论有误，撤销本通知' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

/** `{workingDays}` or `{dueAt}`, exactly one, as the domain takes it. */
export const deadlineOf = (deadline: DeadlineDto): DeadlineSpec =>
  deadline.workingDays !== undefined ? { workingDays: deadline.workingDays } : { dueAt: deadline.dueAt! };

export class FollowUpDto {
  @ApiProperty({ description: 'A follow-up inspection (复查) of this kindergarten, concluded after the notice was issued' })
  @Length(1, 200)
  @IsString()
  inspectionId: string;
}

export class ListRectificationsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(KINDERGARTEN_ID)
  kindergartenId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'The kindergarten’s township', maxLength: 100 })
  @IsOptional()
  @Length(1, 100)
  @IsString()
  township?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or after this day (Asia/Shanghai)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or before this day (Asia/Shanghai)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due (`dueAt`) on or after this day (Asia/Shanghai)' })
  @IsOptional()
  @IsDateOnly()
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due (`dueAt`) on or before this day (Asia/Shanghai)' })
  @IsOptional()
  @IsDateOnly()
  dueTo?: string;

  @ApiPropertyOptional({ description: 'Part of the document number, the kindergarten’s name or the case id', maxLength: 100 })
  @IsOptional()
  @Length(1, 100)
  @IsString()
  q?: string;
}
