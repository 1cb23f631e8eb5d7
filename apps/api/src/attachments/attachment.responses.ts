import { ApiProperty } from '@nestjs/swagger';

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid', description: 'New for each upload; `attachment-{id}` is its stream' }) id: string;
  @ApiProperty({ example: '消防通道整改后.jpg', description: 'The file name as given, without path or control characters, at most 200 characters' })
  name: string;
  @ApiProperty({ example: 'image/jpeg', description: 'Detected from the bytes' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes; what records cite' }) sha256: string;
  @ApiProperty({ example: '2026-12-03T10:00:00.000+08:00' }) uploadedAt: string;
}
