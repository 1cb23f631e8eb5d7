import type { FormInstance } from 'antd';
import { ApiProblem, problemMessage } from '../../api/problems';

/**
 * Puts the engine's refusal next to the field it concerns (a problem `code` of that field, or the fields the validation
 * errors name); answers what is left to show above the form, or undefined when every message found its field.
 */
export const showProblem = (form: FormInstance, error: unknown, fieldOf: Record<string, string>): string | undefined => {
  if (!(error instanceof ApiProblem)) return problemMessage(error);
  const field = fieldOf[error.code];
  if (field) {
    form.setFields([{ name: field, errors: [problemMessage(error)] }]);
    return undefined;
  }
  const known = new Set(Object.keys(form.getFieldsValue()));
  const placed = error.errors.filter((entry) => known.has(entry.field.split(/[.[]/)[0]));
  form.setFields(placed.map((entry) => ({ name: entry.field.split(/[.[]/)[0], errors: [entry.message] })));
  return placed.length > 0 && placed.length === error.errors.length ? undefined : problemMessage(error);
};
