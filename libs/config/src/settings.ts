import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { CronExpressionParser } from 'cron-parser';
import {
  IsBoolean,
  IsEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
  validateSync,
} from 'class-validator';
import { parseReminderOffsets } from './reminder-offsets.js';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^(true|false|1|0|yes|no)$/i.test(value.trim()) ? /^(true|1|yes)$/i.test(value.trim()) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

const IsCron = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isCron',
    target: target.constructor,
    propertyName,
    options: { message: `${propertyName} must be a cron pattern (minute hour day-of-month month day-of-week), e.g. "0 9 1 * *"` },
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || value.trim().split(/\s+/).length !== 5) return false;
        try {
          CronExpressionParser.parse(value, { tz: 'Asia/Shanghai' });
          return true;
        } catch {
          return false;
        }
      },
    },
  });

const AreReminderOffsets = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'areReminderOffsets',
    target: target.constructor,
    propertyName,
    options: { message: 'REMINDER_OFFSETS must be comma-separated ISO 8601 durations in weeks, days, hours, minutes or seconds, e.g. P7D,P1D' },
    validator: {
      validate: (value: unknown) => {
        try {
          return typeof value === 'string' && parseReminderOffsets(value).length > 0;
        } catch {
          return false;
        }
      },
    },
  });

// the server's own cancel should come first: it names the statement and keeps the connection
const IsLongerThanStatementTimeout = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isLongerThanStatementTimeout',
    target: target.constructor,
    propertyName,
    options: { message: `${propertyName} must be 0 or longer than DATABASE_STATEMENT_TIMEOUT_MS` },
    validator: {
      validate: (value: unknown, args) => {
        const statement = (args?.object as { DATABASE_STATEMENT_TIMEOUT_MS?: unknown }).DATABASE_STATEMENT_TIMEOUT_MS;
        return value === 0 || typeof statement !== 'number' || statement === 0 || (typeof value === 'number' && value > statement);
      },
    },
  });

const IsNotLongerThanRequestTimeout = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isNotLongerThanRequestTimeout',
    target: target.constructor,
    propertyName,
    options: { message: `${propertyName} must not be longer than HTTP_REQUEST_TIMEOUT_MS` },
    validator: {
      validate: (value: unknown, args) => {
        const request = (args?.object as { HTTP_REQUEST_TIMEOUT_MS?: unknown }).HTTP_REQUEST_TIMEOUT_MS;
        return typeof request !== 'number' || (typeof value === 'number' && value <= request);
      },
    },
  });

/** The secret `.env.example` shows: anyone can read it, so production refuses it. */
export const PLACEHOLDER_JWT_SECRET = 'change-me-to-32-or-more-random-characters';

const IsNotPlaceholderInProduction = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isNotPlaceholderInProduction',
    target: target.constructor,
    propertyName,
    options: { message: 'AUTH_JWT_SECRET is the placeholder of .env.example: set a random secret in production' },
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as { NODE_ENV?: unknown }).NODE_ENV !== 'production' || typeof value !== 'string' || !/^change-?me/i.test(value),
    },
  });

const OIDC_SETTINGS = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
const OIDC_ALL_OR_NONE = `single sign-on needs all of ${OIDC_SETTINGS.join(', ')} (or none of them)`;
const oidcConfigured = (env: object): boolean => OIDC_SETTINGS.some((key) => (env as Record<string, unknown>)[key] !== undefined);

// an issuer reached over plain HTTP could hand out any identity: only a development or test machine may use one
const IsIssuerUrlForEnvironment = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: 'isIssuerUrlForEnvironment',
    target: target.constructor,
    propertyName,
    options: { message: 'OIDC_ISSUER_URL must be an https:// URL when NODE_ENV=production' },
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as { NODE_ENV?: unknown }).NODE_ENV !== 'production' || (typeof value === 'string' && value.startsWith('https://')),
    },
  });

/** Whether single sign-on is configured (the settings are validated all or none). */
export const oidcEnabled = (settings: Settings): boolean => settings.OIDC_ISSUER_URL !== undefined;

/** Every setting the engine reads, from environment variables (`.env.example` documents them); also the DI token for them. */
export class Settings {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @MinLength(1)
  @IsString()
  HOST = '127.0.0.1';

  // class-validator checks decorators bottom-up: the type check comes last so that it is reported first
  @Transform(toInt)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['pglite', 'postgres', 'esdb'])
  EVENT_STORE: 'pglite' | 'postgres' | 'esdb' = 'pglite';

  @MinLength(1)
  @IsString()
  DATA_DIR = './data';

  /** The built web console (`npm start` builds it there when missing or stale); the engine serves it at `/`. */
  @MinLength(1)
  @IsString()
  CONSOLE_DIR = './dist/console';

  /** The embedded database's buffer cache (PostgreSQL's shared_buffers): memory it holds from the start; 8MB keeps `npm start` under 0.5 GB idle (bench/README.md). */
  @Matches(/^[1-9]\d{0,6}(kB|MB|GB)$/, { message: 'PGLITE_SHARED_BUFFERS must be a size such as 16MB or 128MB' })
  PGLITE_SHARED_BUFFERS = '8MB';

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.EVENT_STORE === 'postgres' || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL (required when EVENT_STORE=postgres)' })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be a lowercase SQL identifier' })
  DATABASE_SCHEMA = 'public';

  /** PostgreSQL: give up opening a connection (or waiting for a free one) after this long (ms); the request answers 503. */
  @Transform(toInt)
  @Min(100)
  @Max(600_000)
  @IsInt()
  DATABASE_CONNECT_TIMEOUT_MS = 5_000;

  /** PostgreSQL: the server cancels a statement running longer than this (statement_timeout, ms; 0: no limit). */
  @Transform(toInt)
  @Min(0)
  @Max(3_600_000)
  @IsInt()
  DATABASE_STATEMENT_TIMEOUT_MS = 10_000;

  /** PostgreSQL: stop waiting for an answer after this long and drop the connection, for a server that hangs (ms; 0: wait). */
  @Transform(toInt)
  @IsLongerThanStatementTimeout()
  @Min(0)
  @Max(3_600_000)
  @IsInt()
  DATABASE_QUERY_TIMEOUT_MS = 12_000;

  /** PostgreSQL: the server ends a session idle inside a transaction this long (idle_in_transaction_session_timeout, ms; 0: no limit). */
  @Transform(toInt)
  @Min(0)
  @Max(3_600_000)
  @IsInt()
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.EVENT_STORE === 'esdb' || env.ESDB_URL !== undefined)
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kurrent\+discover):\/\/\S+$/, {
    message: 'ESDB_URL must be an esdb:// or kurrentdb:// connection string (required when EVENT_STORE=esdb)',
  })
  ESDB_URL?: string;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true }, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1–64 letters, digits, _ or -' })
  QUEUE_PREFIX = 'supervision';

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.NODE_ENV === 'production' || env.AUTH_JWT_SECRET !== undefined)
  @MaxLength(4096)
  @IsNotPlaceholderInProduction()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'AUTH_JWT_SECRET is required when NODE_ENV=production (at least 32 characters)' })
  AUTH_JWT_SECRET?: string;

  /** Bearer tokens must carry `exp`, at most this many hours after `iat` (or after now, without `iat`); longer ones answer 401. */
  @Transform(toInt)
  @Min(1)
  @Max(24 * 366)
  @IsInt()
  AUTH_TOKEN_MAX_HOURS = 24;

  /** The password of the `admin` user created on a first start with an empty directory; required when NODE_ENV=production. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.NODE_ENV === 'production' || env.ADMIN_INITIAL_PASSWORD !== undefined)
  @MaxLength(256)
  @MinLength(8, { message: 'ADMIN_INITIAL_PASSWORD must be at least 8 characters' })
  @IsString({ message: 'ADMIN_INITIAL_PASSWORD is required when NODE_ENV=production (at least 8 characters)' })
  ADMIN_INITIAL_PASSWORD?: string;

  /** A session ends after this many minutes without a request. */
  @Transform(toInt)
  @Min(1)
  @Max(24 * 60)
  @IsInt()
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however busy. */
  @Transform(toInt)
  @Min(1)
  @Max(24 * 30)
  @IsInt()
  SESSION_MAX_HOURS = 12;

  /** The session cookie's `Secure` flag: `auto` sets it when the request came over HTTPS (behind a trusted proxy: X-Forwarded-Proto). */
  @IsIn(['auto', 'always', 'never'])
  SESSION_COOKIE_SECURE: 'auto' | 'always' | 'never' = 'auto';

  /** Single sign-on: the OpenID provider's issuer (discovery at `/.well-known/openid-configuration`); with the three below, or none. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => oidcConfigured(env))
  @IsIssuerUrlForEnvironment()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: OIDC_ALL_OR_NONE })
  OIDC_ISSUER_URL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => oidcConfigured(env))
  @MaxLength(1024)
  @IsString({ message: OIDC_ALL_OR_NONE })
  OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => oidcConfigured(env))
  @MaxLength(4096)
  @IsString({ message: OIDC_ALL_OR_NONE })
  OIDC_CLIENT_SECRET?: string;

  /** Where the provider sends the browser back: this engine's `…/api/v1/auth/oidc/callback` as the browser reaches it. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => oidcConfigured(env))
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: OIDC_ALL_OR_NONE })
  OIDC_REDIRECT_URI?: string;

  /** The claim (ID token or userinfo) whose value is a registered user's id, for a first sign-in with the provider. */
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'OIDC_USERNAME_CLAIM must be a claim name such as preferred_username' })
  OIDC_USERNAME_CLAIM = 'preferred_username';

  /** The scopes asked of the provider: `openid`, and whatever carries OIDC_USERNAME_CLAIM. */
  @Matches(/^(?=(.* )?openid( |$))[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, {
    message: 'OIDC_SCOPE must be space-separated scopes including openid, e.g. "openid profile"',
  })
  OIDC_SCOPE = 'openid profile';

  /** A request must arrive whole (headers and body) within this long, or its connection is closed (ms). */
  @Transform(toInt)
  @Min(1_000)
  @Max(3_600_000)
  @IsInt()
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** The request's headers must arrive within this long (ms); at most HTTP_REQUEST_TIMEOUT_MS. */
  @Transform(toInt)
  @IsNotLongerThanRequestTimeout()
  @Min(1_000)
  @Max(3_600_000)
  @IsInt()
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /**
   * A connection silent this long (nothing received, nothing sent) is closed, mid-request or idle between requests (ms).
   * Keep it longer than the slowest answer (DATABASE_QUERY_TIMEOUT_MS + READ_MODEL_WAIT_MS), or a slow store's 503 is lost.
   */
  @Transform(toInt)
  @Min(1_000)
  @Max(3_600_000)
  @IsInt()
  HTTP_IDLE_TIMEOUT_MS = 60_000;

  /** Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs, or a hop count (none when unset). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: 'TRUST_PROXY must be a number of proxy hops, or comma-separated addresses or CIDRs (e.g. 10.0.0.0/8,127.0.0.1)',
  })
  TRUST_PROXY?: string;

  /** `GET /metrics` needs `Authorization: Bearer <METRICS_TOKEN>`; unset: open outside production, refused in production. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MaxLength(4096)
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  @IsString()
  METRICS_TOKEN?: string;

  /** Bull Board at /admin/queues (admins only) may retry, promote, clean or remove jobs; read-only otherwise. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'ADMIN_QUEUES_WRITABLE must be true or false' })
  ADMIN_QUEUES_WRITABLE = false;

  /** How often the scheduler checks that Redis still holds its marker, and reconciles the reminders if not (ms). */
  @Transform(toInt)
  @Min(100)
  @Max(3_600_000)
  @IsInt()
  REDIS_LOSS_CHECK_MS = 30_000;

  /** Run the projections (and, later, the BullMQ workers) in this process too: `npm start` runs everything in one. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_WORKER must be true or false' })
  RUN_WORKER = true;

  /** Also schedule and deliver notifications (BullMQ, needs Redis) in this process, when it runs the worker. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_REMINDERS must be true or false' })
  RUN_REMINDERS = true;

  /** How long a command waits for the read models to include it, so that a GET right after sees it (ms). */
  @Transform(toInt)
  @Min(0)
  @Max(60_000)
  @IsInt()
  READ_MODEL_WAIT_MS = 5_000;

  /**
   * An API process whose read models another process runs is woken by PostgreSQL (LISTEN/NOTIFY) when they move; it
   * also looks at their checkpoints this often (ms), in case a notification was lost while its connection was away.
   */
  @Transform(toInt)
  @Min(10)
  @Max(60_000)
  @IsInt()
  READ_MODEL_RECHECK_MS = 250;

  /** Official holiday arrangements for years the packaged data does not cover yet (format: libs/calendar/README.md). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(1)
  @IsString()
  CALENDAR_OVERRIDES_FILE?: string;

  /** Requests per minute per client address on the unauthenticated /public endpoints. */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  PUBLIC_RATE_LIMIT_PER_MINUTE = 60;

  /** On first start with an empty store, load the county's reference data (townships, units, plan tasks) from seeds/. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_ON_EMPTY must be true or false' })
  SEED_ON_EMPTY = true;

  /** Include the sample kindergartens of seeds/kindergartens.json (default: yes except in production). */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'SEED_SAMPLE_DATA must be true or false' })
  SEED_SAMPLE_DATA?: boolean;

  @MinLength(1)
  @IsString()
  SEEDS_DIR = './seeds';

  /** The issuing office's prefix of a notice's document number (文号): `{prefix}〔{year}〕{n}号`. */
  @Matches(/^[\p{Script=Han}A-Za-z0-9]{1,16}$/u, { message: 'DOCUMENT_NO_PREFIX must be 1–16 Chinese characters, letters or digits, e.g. 清教督改' })
  DOCUMENT_NO_PREFIX = '清教督改';

  /** Before each rectification deadline, remind the kindergarten this long ahead (ISO 8601 durations). */
  @AreReminderOffsets()
  REMINDER_OFFSETS = 'P7D,P1D';

  /** How many working days a kindergarten has to state its case (陈述申辩) after a suspension is proposed. */
  @Transform(toInt)
  @Min(1)
  @Max(30)
  @IsInt()
  STATEMENT_WORKING_DAYS = 3;

  /** The day of the month by which last month's progress report is due (月报告). */
  @Transform(toInt)
  @Min(2)
  @Max(28)
  @IsInt()
  MONTHLY_REPORT_DUE_DAY = 5;

  /** Cadence, in Asia/Shanghai: the monthly-report reminder to every unit. */
  @IsCron()
  CADENCE_MONTHLY_REPORT_CRON = '0 9 1 * *';

  /** The second monthly-report reminder, to units still missing (default: 09:00 the day before the due day). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsCron()
  CADENCE_MONTHLY_REPORT_SECOND_CRON?: string;

  /** When units still missing are recorded as MonthlyReportMissed (default: 00:05 the day after the due day). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsCron()
  CADENCE_MONTHLY_REPORT_MISSED_CRON?: string;

  /** The quarterly-bulletin reminder to supervisors (季通报). */
  @IsCron()
  CADENCE_BULLETIN_CRON = '0 9 1 1,4,7,10 *';

  /** The annual-assessment reminder (年度考核). */
  @IsCron()
  CADENCE_ASSESSMENT_CRON = '0 9 1 12 *';

  /** SMTP server for e-mail notifications, e.g. smtp://user:password@mail.example.org:587 (no e-mail when unset). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Matches(/^\S+@\S+$|^.+<\S+@\S+>$/, { message: 'SMTP_FROM must be an e-mail address, optionally with a name: 督导办 <duban@example.org>' })
  SMTP_FROM = '教育督导 <noreply@localhost>';

  /** Retired in v1.1 (e-mail goes to each recipient user's own `email` in the directory): set, it stops start-up saying so. */
  @Transform(emptyToUndefined)
  @IsEmpty({
    message:
      'CONTACTS_FILE is no longer read: e-mail goes to each recipient user’s own email in the directory (POST or PUT /users with email); unset it',
  })
  CONTACTS_FILE?: string;

  /** An HTTP endpoint that receives every notification as JSON (e.g. a DingTalk or WeCom robot); none when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: 'WEBHOOK_URL must be an http(s) URL' })
  WEBHOOK_URL?: string;

  /** The webhook's body: json (the notification as is), dingtalk or wecom (their robots' text messages). */
  @IsIn(['json', 'dingtalk', 'wecom'])
  WEBHOOK_FORMAT: 'json' | 'dingtalk' | 'wecom' = 'json';

  /** How long a worker holds a job before another may take it over, if the first stops answering (ms). */
  @Transform(toInt)
  @Min(1_000)
  @Max(600_000)
  @IsInt()
  JOB_LOCK_MS = 30_000;

  /** The largest attachment accepted (bytes); a larger upload answers 413 and stores nothing. */
  @Transform(toInt)
  @Min(1)
  @Max(2_147_483_648)
  @IsInt()
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** Days after which an attachment that nothing cites is removed. */
  @Transform(toInt)
  @Min(1)
  @Max(3650)
  @IsInt()
  ATTACHMENT_ORPHAN_DAYS = 7;

  /** When the unused uploads are removed (cron, Asia/Shanghai). */
  @IsCron()
  ATTACHMENT_CLEANUP_CRON = '30 3 * * *';

  /** S3-compatible object storage for attachments (a folder under DATA_DIR when unset). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'ATTACHMENTS_S3_BUCKET must be an S3 bucket name' })
  ATTACHMENTS_S3_BUCKET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: 'ATTACHMENTS_S3_ENDPOINT must be an http(s) URL' })
  ATTACHMENTS_S3_ENDPOINT?: string;

  @MinLength(1)
  @IsString()
  ATTACHMENTS_S3_REGION = 'us-east-1';

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.ATTACHMENTS_S3_SECRET_ACCESS_KEY !== undefined)
  @MinLength(1)
  @IsString()
  ATTACHMENTS_S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.ATTACHMENTS_S3_ACCESS_KEY_ID !== undefined)
  @MinLength(1)
  @IsString()
  ATTACHMENTS_S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (`endpoint/bucket/key`), as MinIO and most self-hosted stores need. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'ATTACHMENTS_S3_FORCE_PATH_STYLE must be true or false' })
  ATTACHMENTS_S3_FORCE_PATH_STYLE = true;

  /** The authority named on official documents (notices, bulletins). */
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  ISSUING_AUTHORITY = '清水河县教育局';
}

/** Thrown at start-up, listing every bad setting with what is expected. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the settings; the object is frozen and doubles as its own DI token. */
export const loadSettings = (source: Record<string, unknown> = process.env): Settings => {
  const known = Object.keys(new Settings());
  const relevant = Object.fromEntries(Object.entries(source).filter(([key, value]) => value !== undefined && known.includes(key)));
  const environment = plainToInstance(Settings, relevant, { exposeDefaultValues: true });
  const errors = validateSync(environment, { forbidUnknownValues: true, stopAtFirstError: true });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? message : `${error.property}: ${message}`)),
  );
  if (problems.length > 0) throw new ConfigurationError(problems);
  return Object.freeze(environment);
};
