import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { OWNERSHIPS, type Ownership } from '@app/kindergartens/domain';
import { ListQuery } from '../http/lists/lists.js';
import { IsDateOnly } from '../http/validation/validation.js';

export const KINDERGARTEN_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const NOT_BLANK = /\S/;

export class RegisterKindergartenDto {
  @ApiProperty({ pattern: KINDERGARTEN_ID.source, example: 'cg-kg-01' })
  @Matches(KINDERGARTEN_ID, { message: 'id must match ^[a-z0-9][a-z0-9-]{1,62}$' })
  id: string;

  @ApiProperty({ maxLength: 100, example: '清水河县城关镇第一幼儿园' })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Length(1, 100)
  @IsString()
  name: string;

  @ApiProperty({ maxLength: 50, example: '城关镇' })
  @Matches(NOT_BLANK, { message: 'township must not be blank' })
  @Length(1, 50)
  @IsString()
  township: string;

  @ApiProperty({ enum: OWNERSHIPS })
  @IsIn(OWNERSHIPS)
  ownership: Ownership;
}

export class UpdateKindergartenDto {
  @ApiProperty({ maxLength: 100, example: '清水河县城关镇第一幼儿园' })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Length(1, 100)
  @IsString()
  name: string;

  @ApiProperty({ maxLength: 50, example: 'chengguan', description: 'A township id, or its registered name' })
  @Matches(NOT_BLANK, { message: 'township must not be blank' })
  @Length(1, 50)
  @IsString()
  township: string;

  @ApiProperty({ enum: OWNERSHIPS })
  @IsIn(OWNERSHIPS)
  ownership: Ownership;
}

export class ClosureDto {
  @ApiProperty({ format: 'date', example: '2025-08-31' })
  @IsDateOnly()
  closedOn: string;

  @ApiProperty({ maxLength: 2000, example: '办园许可证注销，停止办园' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}

export class DisclosureDto {
  @ApiProperty({ minimum: 0, maximum: 10_000, example: 24 })
  @Min(0)
  @Max(10_000)
  @IsInt()
  teachers: number;

  @ApiProperty({ minimum: 0, maximum: 10_000, example: 12 })
  @Min(0)
  @Max(10_000)
  @IsInt()
  caregivers: number;

  @ApiProperty({ minimum: 0, maximum: 100_000, example: 320 })
  @Min(0)
  @Max(100_000)
  @IsInt()
  children: number;

  @ApiProperty({ minimum: 0, maximum: 1_000_000, example: 480, description: 'Monthly fee in yuan, at most two decimals' })
  @Min(0)
  @Max(1_000_000)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  monthlyFeeYuan: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Not shown publicly' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  notes?: string;
}

export class ListKindergartensQuery extends ListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Length(1, 50)
  @IsString()
  township?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @Length(1, 100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: OWNERSHIPS })
  @IsOptional()
  @IsIn(OWNERSHIPS)
  ownership?: Ownership;

  @ApiPropertyOptional({ enum: ['open', 'suspended'] })
  @IsOptional()
  @IsIn(['open', 'suspended'])
  enrolmentStatus?: 'open' | 'suspended';
}

export class SuspensionNoticeDto {
  @ApiProperty({ example: 'rc-annual-2025-cg-kg-01', description: 'A failed rectification case of this kindergarten' })
  @Length(1, 200)
  @IsString()
  rectificationId: string;

  @ApiProperty({ maxLength: 4000, example: '2025年年检发现消防通道堵塞，限期整改后复查仍不达标' })
  @Matches(NOT_BLANK, { message: 'facts must not be blank' })
  @Length(1, 4000)
  @IsString()
  facts: string;

  @ApiProperty({ maxLength: 2000, example: '清政发〔2023〕52号：整改后仍不达标的，暂停其招生' })
  @Matches(NOT_BLANK, { message: 'basis must not be blank' })
  @Length(1, 2000)
  @IsString()
  basis: string;

  @ApiProperty({ format: 'date', example: '2025-09-01', description: 'The date the suspension would take effect' })
  @IsDateOnly()
  proposedFrom: string;
}

const statementOrWaiver = (target: object, propertyName: string) =>
  registerDecorator({
    name: 'statementOrWaiver',
    target: target.constructor,
    propertyName,
    options: {
      message: 'a statement is either {text, attachmentIds?} or {waive: true}',
      context: { zh: '陈述申辩须为 {text, attachmentIds?}，或以 {waive: true} 放弃' },
    },
    validator: { validate: (_: unknown, args) => (args?.object as StatementDto).waive === undefined },
  });

/** `{text, attachmentIds?}` states the kindergarten's case (陈述申辩); `{waive: true}` gives it up. */
export class StatementDto {
  @ApiPropertyOptional({ maxLength: 10_000, example: '我园已聘请专业公司完成消防通道整改，请求不予暂停招生' })
  @statementOrWaiver
  @ValidateIf((body: StatementDto) => body.text !== undefined || body.waive === undefined)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  @Length(1, 10_000)
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Attachments (evidence) the statement cites' })
  @IsOptional()
  @statementOrWaiver
  @Length(1, 200, { each: true })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsArray()
  attachmentIds?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Waive the right to state one’s case (放弃陈述申辩)' })
  @IsOptional()
  @Equals(true, { message: 'waive must be true' })
  waive?: true;
}

export class SuspensionDecisionDto {
  @ApiProperty({ enum: ['suspend', 'withdraw'] })
  @IsIn(['suspend', 'withdraw'])
  decision: 'suspend' | 'withdraw';

  @ApiProperty({ maxLength: 4000, example: '陈述申辩理由不成立：复查时消防通道仍被堵塞', description: 'The answer to the statement' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 4000)
  @IsString()
  reason: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-09-01', description: 'Today (the default) or later, Asia/Shanghai; suspend only' })
  @IsOptional()
  @IsDateOnly()
  effectiveFrom?: string;
}

export class ReinstatementDto {
  @ApiProperty({ example: '0194f5c2-7a1b-7cde-8f00-123456789abc' })
  @Length(1, 200)
  @IsString()
  inspectionId: string;

  @ApiProperty({ maxLength: 2000 })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
}
