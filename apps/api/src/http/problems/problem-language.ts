import Negotiator from 'negotiator';
import type { FieldProblem, ProblemDetails } from './problem-details.js';
import { PROBLEM_TEXTS } from './problem-texts.js';

export type ProblemLanguage = 'en' | 'zh';

// English first: it answers a request without Accept-Language, with `*`, or preferring neither
const LANGUAGES: readonly ProblemLanguage[] = ['en', 'zh'];

/** The language an `Accept-Language` header prefers (RFC 9110 §12.5.4: q-values, `zh-CN` matches `zh`). */
export const problemLanguage = (acceptLanguage: string | string[] | undefined): ProblemLanguage =>
  (new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(LANGUAGES) as ProblemLanguage | undefined) ?? 'en';

/** A field's message when nothing more specific was said in Chinese: the field is named, the message is Chinese. */
const zhField = (error: FieldProblem): string => error.zh ?? (error.field ? `${error.field} 不符合要求` : '请求体不符合要求');

/**
 * The problem as sent: in English, or with `title`, `detail` and each `errors[].message` in Chinese; `code`,
 * `type`, `status` and extensions unchanged. A code without Chinese texts keeps its English ones.
 */
export const localisedProblem = (details: ProblemDetails, language: ProblemLanguage): ProblemDetails => {
  const texts = language === 'zh' ? PROBLEM_TEXTS[details.code] : undefined;
  const errors = details.errors?.map((error) => ({ field: error.field, message: language === 'zh' ? zhField(error) : error.message }));
  return {
    ...details,
    ...(texts ? { title: texts[0], detail: typeof texts[1] === 'string' ? texts[1] : texts[1](details) } : {}),
    ...(errors ? { errors } : {}),
  };
};
