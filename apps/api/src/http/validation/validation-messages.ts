/** What is known of the violated decorator: its arguments (`@Max(90)` → `[90]`), `each`, and a Chinese message it gave in `context.zh`. */
export interface ConstraintUse {
  readonly args: readonly unknown[];
  readonly each: boolean;
  readonly given?: unknown;
}

const pattern = (value: unknown): string => (value instanceof RegExp ? value.source : String(value));

/**
 * The Chinese message of each class-validator constraint the DTOs use, after the field's name. A decorator with a
 * message of its own says it in Chinese through `context: { zh: '…' }`; `tests/api/problems-in-chinese.e2e.spec.ts`
 * lists every constraint a DTO uses that has neither.
 */
export const ZH_CONSTRAINTS: Readonly<Record<string, (args: readonly unknown[]) => string>> = {
  isDefined: () => '必须填写',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是字符串',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isObject: () => '必须是对象',
  isArray: () => '必须是数组',
  isIn: ([values]) => `必须是以下值之一：${Array.isArray(values) ? values.join('、') : String(values)}`,
  isNotIn: ([values]) => `不能是以下值：${Array.isArray(values) ? values.join('、') : String(values)}`,
  isEnum: ([values]) => `必须是以下值之一：${values && typeof values === 'object' ? Object.values(values).join('、') : String(values)}`,
  isEmail: () => '必须是有效的电子邮件地址',
  isUUID: () => '必须是 UUID',
  isUuid: () => '必须是 UUID',
  equals: ([value]) => `只能是 ${JSON.stringify(value)}`,
  isISO8601: () => '必须是 ISO 8601 日期或时间',
  isPositive: () => '必须是正数',
  matches: ([regex]) => (pattern(regex) === '\\S' ? '不能为空白' : `格式不正确，须符合 ${pattern(regex)}`),
  min: ([least]) => `不能小于 ${String(least)}`,
  max: ([most]) => `不能大于 ${String(most)}`,
  isLength: ([least, most]) => (most === undefined ? `长度至少为 ${String(least)} 个字符` : `长度须为 ${String(least)} 到 ${String(most)} 个字符`),
  minLength: ([least]) => `长度至少为 ${String(least)} 个字符`,
  maxLength: ([most]) => `长度至多为 ${String(most)} 个字符`,
  arrayNotEmpty: () => '不能为空',
  arrayMinSize: ([least]) => `至少须有 ${String(least)} 项`,
  arrayMaxSize: ([most]) => `至多只能有 ${String(most)} 项`,
  arrayUnique: () => '各项不能重复',
  isDateOnly: () => '必须是存在的日期 YYYY-MM-DD，年份在 2000–2100 之间',
  isInstant: () => '必须是带 Z 或时区偏移的 RFC 3339 时间，年份在 2000–2100 之间，例如 2025-03-31T23:59:59+08:00',
  // raised by the validation pipe itself: an unknown field, a nested value that is no object, a value that is no object
  whitelistValidation: () => '是未知字段，不应出现',
  nestedValidation: () => '必须是对象或对象数组',
  unknownValue: () => '不是可校验的对象',
};

/** The Chinese message for a field's first violation; the field keeps its name. */
export const zhConstraintMessage = (property: string, constraint: string, use: ConstraintUse): string => {
  if (typeof use.given === 'string') return use.given;
  const text = ZH_CONSTRAINTS[constraint]?.(use.args) ?? '不符合要求';
  // a field's name is Latin, set off by a space; the body itself is named in Chinese
  const field = property ? `${property} ` : '请求体';
  return use.each ? `${field}的每一项${text}` : `${field}${text}`;
};
