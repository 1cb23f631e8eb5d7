import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

class FieldError {
  @ApiProperty({ example: 'deadline.workingDays' })
  field: string;

  @ApiProperty({ example: 'workingDays must not be greater than 90' })
  message: string;
}

/** The body of every error response (RFC 9457, `application/problem+json`). */
export class ProblemDetailsSchema {
  @ApiProperty({ example: '/problems/invalid-transition' })
  type: string;

  @ApiProperty({ example: 'Not possible in the current state' })
  title: string;

  @ApiProperty({ example: 409 })
  status: number;

  @ApiProperty({ example: 'Cannot acknowledge a case that is submitted' })
  detail: string;

  @ApiProperty({ description: 'Stable error code from the API contract', example: 'invalid-transition' })
  code: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'With 400 validation-failed: one entry per invalid field' })
  errors?: FieldError[];
}

/** Documents the problems a route can answer with, by status, naming their stable codes. */
export const Problems = (byStatus: Record<number, readonly string[]>) =>
  applyDecorators(
    ...Object.entries(byStatus).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        description: codes.map((code) => `\`${code}\``).join(', '),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );

/** The problems of any route that takes a JSON body, besides its own. */
export const BodyProblems = () =>
  Problems({
    400: ['validation-failed'],
    413: ['payload-too-large'],
    415: ['unsupported-media-type'],
  });

/** The headers commands understand. */
export const CommandHeaders = (options: { ifMatch?: string } = {}) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1–255 visible ASCII characters; a retry with the same key and body replays the first response',
    }),
    // merged with the route's own 422 codes, if any
    Problems({ 422: ['idempotency-key-reused'] }),
    ...(options.ifMatch
      ? [
          ApiHeader({ name: 'If-Match', required: false, description: `"<version>" of ${options.ifMatch}: 412 version-mismatch if it has moved on` }),
          Problems({ 412: ['version-mismatch'] }),
        ]
      : []),
  );
