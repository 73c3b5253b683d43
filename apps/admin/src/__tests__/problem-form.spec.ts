import { describe, expect, it, jest } from '@jest/globals';
import type { FormInstance } from 'antd';
import { ProblemError } from '../api';
import { applyProblemToForm, fieldPath } from '../problem-form';

/** Just enough of an antd form: which fields exist, and what was set on them. */
function fakeForm(fields: (string | number)[][]) {
  const setFields = jest.fn();
  const scrollToField = jest.fn();
  const form = { getFieldsError: () => fields.map((name) => ({ name, errors: [], warnings: [] })), setFields, scrollToField };
  return { form: form as unknown as FormInstance, setFields, scrollToField };
}

const problem = (errors: { field: string; message: string }[]) => new ProblemError({ type: '/problems/validation', title: 'Validation failed', status: 422, errors });

describe('fieldPath', () => {
  it('turns dotted paths into antd name paths with list indexes as numbers', () => {
    expect(fieldPath('phone')).toEqual(['phone']);
    expect(fieldPath('contacts.0.email')).toEqual(['contacts', 0, 'email']);
    expect(fieldPath('consent.sms')).toEqual(['consent', 'sms']);
  });
});

describe('applyProblemToForm', () => {
  it('puts each message on the field it names, nested ones included, and scrolls to the first', () => {
    const { form, setFields, scrollToField } = fakeForm([['phone'], ['contacts'], ['contacts', 0, 'email']]);
    const rest = applyProblemToForm(
      form,
      problem([
        { field: 'phone', message: 'phone must be a valid phone number' },
        { field: 'contacts.0.email', message: 'email must be an email address' },
        { field: 'phone', message: 'second complaint' },
      ]),
    );
    expect(rest).toEqual([]);
    expect(setFields).toHaveBeenCalledWith([
      { name: ['phone'], errors: ['phone must be a valid phone number', 'second complaint'] },
      { name: ['contacts', 0, 'email'], errors: ['email must be an email address'] },
    ]);
    expect(scrollToField).toHaveBeenCalledWith(['phone'], { block: 'center' });
  });

  it('returns the messages that match no field, for a banner', () => {
    const { form } = fakeForm([['phone']]);
    expect(applyProblemToForm(form, problem([{ field: 'tier', message: 'tier is computed by the system' }]))).toEqual(['tier is computed by the system']);
  });

  it('returns the detail of a problem without field errors', () => {
    const { form, setFields } = fakeForm([['phone']]);
    const err = new ProblemError({ type: '/problems/forbidden', title: 'Not allowed', status: 403, detail: 'Only admins and managers reassign customers.' });
    expect(applyProblemToForm(form, err)).toEqual(['Only admins and managers reassign customers.']);
    expect(setFields).not.toHaveBeenCalled();
  });
});
