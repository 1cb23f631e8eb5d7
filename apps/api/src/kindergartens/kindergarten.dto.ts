import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
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

export class SuspensionDto {
  @ApiProperty({ example: 'rc-annual-2025-cg-kg-01' })
  @Length(1, 200)
  @IsString()
  rectificationId: string;

  @ApiProperty({ format: 'date', example: '2025-09-01', description: 'Today or later (Asia/Shanghai)' })
  @IsDateOnly()
  effectiveFrom: string;

  @ApiProperty({ maxLength: 2000, example: '整改后复查仍不达标，依据清政发〔2023〕52号暂停招生' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Length(1, 2000)
  @IsString()
  reason: string;
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
