import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '@app/users/domain';

export class SignInDto {
  @ApiProperty({ maxLength: 64, example: 'wang' })
  @Length(1, 64)
  @IsString()
  username: string;

  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH, description: 'Refused (400) past 256 characters, before any hashing' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @MinLength(1)
  @IsString()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @MinLength(1)
  @IsString()
  currentPassword: string;

  @ApiProperty({
    maxLength: MAX_PASSWORD_LENGTH,
    description: 'At least 10 characters, three of lower case / upper case / digits / symbols, not containing the username, not one of the last three',
  })
  @MaxLength(MAX_PASSWORD_LENGTH)
  @MinLength(1)
  @IsString()
  newPassword: string;
}

export class MeUser {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'kindergarten', 'department', 'auditor'] }) role: string;
  @ApiPropertyOptional() kindergartenId?: string;
  @ApiPropertyOptional() unitId?: string;
  @ApiPropertyOptional({ type: [String] }) townships?: string[];
}

export class MeResponse {
  @ApiProperty({ type: MeUser }) user: MeUser;
  @ApiPropertyOptional({ description: 'With a session: send it as X-CSRF-Token on every POST, PUT and DELETE' }) csrfToken?: string;
  @ApiProperty() passwordChangeRequired: boolean;
}

export class SignInResponse {
  @ApiProperty({ type: MeUser }) user: MeUser;
  @ApiProperty() csrfToken: string;
  @ApiProperty() passwordChangeRequired: boolean;
}
