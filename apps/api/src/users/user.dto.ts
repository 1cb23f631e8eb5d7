import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsNotIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { RESERVED_USER_IDS, USER_ID, USER_ROLES, type UserRole } from '@app/users/domain';
import { ListQuery } from '../http/lists/lists.js';

const NOT_BLANK = /\S/;
const SCOPE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export class UpdateUserDto {
  @ApiProperty({ maxLength: 50, example: '王督学' })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Length(1, 50)
  @IsString()
  name: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiPropertyOptional({ description: 'Required for role kindergarten (422 unknown-kindergarten)' })
  @IsOptional()
  @Matches(SCOPE_ID, { message: 'kindergartenId must match ^[a-z0-9][a-z0-9-]{1,62}$' })
  kindergartenId?: string;

  @ApiPropertyOptional({ description: 'Required for role department (422 unknown-unit)' })
  @IsOptional()
  @Matches(SCOPE_ID, { message: 'unitId must match ^[a-z0-9][a-z0-9-]{1,62}$' })
  unitId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Supervisors only: township ids (or registered names) of the 责任区; absent = the whole county' })
  @IsOptional()
  @ArrayMaxSize(64)
  @Length(1, 50, { each: true })
  @IsString({ each: true })
  townships?: string[];

  @ApiPropertyOptional({ maxLength: 254, description: 'Personal data: kept outside the event log' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, description: 'Personal data: kept outside the event log' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{3,32}$/, { message: 'phone must be digits, spaces, - and an optional leading +' })
  phone?: string;
}

export class RegisterUserDto extends UpdateUserDto {
  @ApiProperty({ pattern: USER_ID.source, example: 'wang' })
  @IsNotIn(RESERVED_USER_IDS, { message: 'id system is reserved for the engine itself' })
  @Matches(USER_ID, { message: 'id must match ^[a-z0-9][a-z0-9._-]{1,62}$' })
  @IsString()
  id: string;

  @ApiPropertyOptional({ description: 'No password: tokens only (an integration)' })
  @IsOptional()
  @IsBoolean()
  serviceAccount?: boolean;
}

export class ListUsersQuery extends ListQuery {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SCOPE_ID)
  kindergartenId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SCOPE_ID)
  unitId?: string;
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES }) role: string;
  @ApiPropertyOptional() kindergartenId?: string;
  @ApiPropertyOptional() unitId?: string;
  @ApiPropertyOptional({ type: [String] }) townships?: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty() passwordChangeRequired: boolean;
  @ApiProperty() serviceAccount: boolean;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiProperty() version: number;
}

export class UserList {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiPropertyOptional() next?: string;
}

export class RegisteredUserResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty({ nullable: true, type: String, description: 'One-time password, shown only here (null for a service account)' }) initialPassword: string | null;
}

export class PasswordResetResponse {
  @ApiProperty({ description: 'One-time password, shown only here; to be changed at first sign-in' }) initialPassword: string;
}
