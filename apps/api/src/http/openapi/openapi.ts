import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';

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

/**
 * Documents the problems a route can answer with, by status, naming their stable codes (and, optionally, when).
 * Several uses on one route merge: their descriptions are joined.
 */
export const Problems = (byStatus: Record<number, readonly string[]>, when: Record<number, string> = {}) =>
  applyDecorators(
    ...Object.entries(byStatus).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        description: [when[Number(status)], codes.map((code) => `\`${code}\``).join(', ')].filter(Boolean).join(' — '),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );

/** The store (PostgreSQL or PGlite) is away or too slow: any route that reads or writes it may answer this, with Retry-After. */
export const StoreProblems = () => Problems({ 503: ['store-unavailable'] });

/**
 * No token needed: an empty security requirement, so that the document's default (a bearer token) does not apply.
 * `summary: undefined` leaves the route's own summary and description in place.
 */
export const NoSecurity = () => ApiOperation({ summary: undefined, security: [] });

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
    // merged with the route's own 409 and 422 codes, if any
    Problems({ 409: ['concurrency-conflict', 'idempotency-key-in-progress'], 422: ['idempotency-key-reused'] }),
    ...(options.ifMatch
      ? [
          ApiHeader({ name: 'If-Match', required: false, description: `"<version>" of ${options.ifMatch}: 412 version-mismatch if it has moved on` }),
          Problems({ 412: ['version-mismatch'] }),
        ]
      : []),
  );

/** The groups of operations, in the order the document shows them. */
const TAGS: ReadonlyArray<readonly [name: string, description: string]> = [
  ['accounts', 'Sign-in, sessions and the user directory: every caller is a registered, enabled user'],
  ['kindergartens', 'Registration, disclosure (备案及公示) and enrolment suspension (暂停招生) and reinstatement of kindergartens'],
  ['inspections', 'Inspections (督导检查) of a kindergarten: scheduling, findings and the conclusion'],
  ['rectifications', 'Rectification cases (限期整改): the notice, acknowledgement, extensions, reports, review and follow-up'],
  ['plan supervision', 'The county plan’s key tasks (重点任务), units’ monthly reports, quarterly bulletins and the annual assessment'],
  ['public', 'The public notice board (公示): no token, limited per client address'],
  ['calendar', 'Working days and official holidays in Asia/Shanghai, as deadlines count them'],
  ['inbox', 'The caller’s in-app notifications'],
  [
    'audit',
    'The auditor’s read-only view of the record: streams, states, timelines, hash-chain verification and export. Any method other than GET on /audit/* answers 403 `forbidden`, and an unknown GET 404 `not-found`',
  ],
  ['operations', 'Probes and metrics for operators'],
];

/**
 * The OpenAPI document served at /docs and /docs-json. Every operation needs a bearer token unless it says
 * `security: []` (the public board, health probes); every error is application/problem+json with a stable code.
 */
export const openApiDocument = (app: INestApplication): OpenAPIObject => {
  const builder = new DocumentBuilder()
    .setTitle('Supervision and rectification workflow engine')
    .setDescription(
      'County education bureau supervision (督导) of kindergartens: inspections, rectification notices (限期整改), enrolment suspension, public disclosure. ' +
        'Errors are application/problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addServer('/', 'This engine (paths carry their /api/v1 prefix; probes and metrics sit at the root)')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'HS256 JWT: `sub`, `role`, `kindergartenId` or `unitId`, `exp`',
    })
    .addSecurityRequirements('bearer');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  // package.json says UNLICENSED: no licence is granted; the link says what that means
  config.info.license = { name: 'Proprietary (UNLICENSED)', url: 'https://docs.npmjs.com/cli/v11/configuring-npm/package-json#license' };
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsSchema] });
};
