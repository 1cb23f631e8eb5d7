import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, registerDecorator, type ValidationOptions } from 'class-validator';
import { ProblemError, type FieldProblem as SentFieldProblem } from '../problems/problem-details.js';
import { zhConstraintMessage } from './validation-messages.js';

/** An invalid field as the engine reports it: always with its Chinese message. */
export type FieldProblem = SentFieldProblem & { readonly zh: string };

/** A 400 lists at most this many errors, then says how many more there were: a bad body costs kilobytes, not megabytes. */
export const MAX_LISTED_ERRORS = 20;

/** The arguments and `each` of the decorator that raised `constraint` on `property` of `target` (the object validated). */
const decoratorOf = (target: object | undefined, property: string, constraint: string) =>
  target && !Array.isArray(target)
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target.constructor, '', true, false)
        .find((metadata) => metadata.propertyName === property && (metadata.name ?? metadata.type) === constraint)
    : undefined;

function* fieldProblems(errors: readonly ValidationError[], parent = ''): Generator<FieldProblem> {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // the first violation of a field says enough
    const [first] = Object.entries(error.constraints ?? {});
    if (first !== undefined) {
      const [constraint, message] = first;
      const decorator = decoratorOf(error.target, error.property, constraint);
      const zh = zhConstraintMessage(error.property, constraint, {
        args: decorator?.constraints ?? [],
        each: decorator?.each ?? false,
        given: (error.contexts?.[constraint] as { zh?: unknown } | undefined)?.zh,
      });
      yield { field, message, zh };
    }
    yield* fieldProblems(error.children ?? [], field);
  }
}

export const validationFailed = (errors: Iterable<FieldProblem>, detail = 'The request is not valid'): ProblemError => {
  const listed: SentFieldProblem[] = [];
  let more = 0;
  for (const error of errors) {
    if (listed.length < MAX_LISTED_ERRORS) listed.push(error);
    else more++;
  }
  return more === 0
    ? ProblemError.of(400, 'validation-failed', detail, { errors: listed })
    : ProblemError.of(400, 'validation-failed', `${detail}; the first ${MAX_LISTED_ERRORS} errors are listed, and ${more} more`, {
        errors: listed,
        moreErrors: more,
      });
};

/**
 * class-validator over every DTO: unknown fields at any depth are refused, values are converted to their DTO types.
 * Each field reports its first violation only. What it is given is bounded beforehand (JsonBodyPipe: no array longer
 * than any DTO accepts, no object with more keys than any DTO has), so a bad body costs milliseconds and kilobytes.
 */
export const dtoValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // the target (the object validated) finds the decorator's arguments for the Chinese message; it is never sent
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });

// C0 controls except tab, line feed and carriage return; DEL; C1 controls
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Above any `@ArrayMaxSize` of a DTO (200) and any DTO's count of fields (6): larger is refused before validation runs. */
export const MAX_ARRAY_ITEMS = 256;
export const MAX_OBJECT_KEYS = 32;

const findBadText = (value: unknown, path: string): FieldProblem | null => {
  if (typeof value === 'string') {
    if (!value.isWellFormed())
      return { field: path, message: `${path || 'text'} contains an unpaired surrogate`, zh: `${path ? `${path} ` : '文本'}含有不成对的代理字符` };
    if (CONTROL.test(value))
      return { field: path, message: `${path || 'text'} contains a control character`, zh: `${path ? `${path} ` : '文本'}含有控制字符` };
    return null;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS) {
      return {
        field: path,
        message: `${path || 'the body'} must hold at most ${MAX_ARRAY_ITEMS} items`,
        zh: `${path ? `${path} ` : '请求体'}至多只能有 ${MAX_ARRAY_ITEMS} 项`,
      };
    }
    for (const [index, item] of value.entries()) {
      const bad = findBadText(item, path ? `${path}.${index}` : String(index));
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).length;
    if (keys > MAX_OBJECT_KEYS) {
      return {
        field: path,
        message: `${path || 'the body'} must hold at most ${MAX_OBJECT_KEYS} fields`,
        zh: `${path ? `${path} ` : '请求体'}至多只能有 ${MAX_OBJECT_KEYS} 个字段`,
      };
    }
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const bad = findBadText(key, field) ?? findBadText(item, field);
      if (bad) return bad;
    }
  }
  return null;
};

/**
 * Before the DTO: a body must be a JSON object, no text in it (keys included) may hold control characters or broken
 * UTF-16, and no array or object in it may be larger than any DTO accepts (the first such place is named).
 */
@Injectable()
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw validationFailed(
        [{ field: '', message: 'the body must be a JSON object', zh: '请求体必须是 JSON 对象' }],
        'The request body must be a JSON object',
      );
    }
    const bad = findBadText(value, '');
    if (bad) throw validationFailed([bad]);
    return value;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

/** Dates and times the engine accepts: a plausible window, so that no later arithmetic (calendars, timestamps) overflows. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const realDate = (year: number, month: number, day: number): boolean => {
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** `YYYY-MM-DD`, a day that exists, in the plausible window. */
export const isDateOnly = (value: unknown): value is string => {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return !!match && realDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

/** An RFC 3339 time with `Z` or an offset, on a day (in the plausible window) and at a time that exist. */
export const isInstant = (value: unknown): value is string => {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , zone, offsetHours, offsetMinutes] = match;
  if (!realDate(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (zone !== 'Z' && zone !== 'z' && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return false;
  return Number.isFinite(Date.parse(value as string));
};

const custom =
  (name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({ name, target: target.constructor, propertyName, options: { message, ...options }, validator: { validate: test } });

export const IsDateOnly = (options?: ValidationOptions) =>
  custom('isDateOnly', isDateOnly, `$property must be a date YYYY-MM-DD that exists, in the years ${FIRST_YEAR}–${LAST_YEAR}`, options);
export const IsInstant = (options?: ValidationOptions) =>
  custom(
    'isInstant',
    isInstant,
    `$property must be an RFC 3339 time with Z or an offset in the years ${FIRST_YEAR}–${LAST_YEAR}, e.g. 2025-03-31T23:59:59+08:00`,
    options,
  );
