import type { FormInstance } from 'antd';
import { ProblemError } from './api';

/** "contacts.0.email" → ['contacts', 0, 'email'], the antd name path of the same field. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts a problem's field errors on the form fields they name (nested paths included) and returns the
 * messages that match no field, for a banner. A failure without field errors is all banner.
 */
export function applyProblemToForm(form: FormInstance, err: unknown): string[] {
  if (!(err instanceof ProblemError)) return [(err as Error)?.message ?? String(err)];
  if (!err.fieldErrors.length) return [err.message];
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const { field, message } of err.fieldErrors) {
    if (known.has(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
    else unmatched.push(message);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })));
  const [first] = byField.keys();
  if (first) form.scrollToField(fieldPath(first), { block: 'center' });
  return unmatched;
}
