import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
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
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^(true|false|1|0|yes|no)$/i.test(value.trim()) ? /^(true|1|yes)$/i.test(value.trim()) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

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

  @Transform(emptyToUndefined)
  @ValidateIf((env: Settings) => env.EVENT_STORE === 'postgres' || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL (required when EVENT_STORE=postgres)' })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be a lowercase SQL identifier' })
  DATABASE_SCHEMA = 'public';

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
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'AUTH_JWT_SECRET is required when NODE_ENV=production (at least 32 characters)' })
  AUTH_JWT_SECRET?: string;

  /** Run the projections (and, later, the BullMQ workers) in this process too: `npm start` runs everything in one. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_WORKER must be true or false' })
  RUN_WORKER = true;

  /** How long a command waits for the read models to include it, so that a GET right after sees it (ms). */
  @Transform(toInt)
  @Min(0)
  @Max(60_000)
  @IsInt()
  READ_MODEL_WAIT_MS = 5_000;

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
