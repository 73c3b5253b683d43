import { ValidateBy, ValidationOptions } from 'class-validator';
import { normalizePhone } from '../phone';

/** A phone number valid for its region (default CN); null is allowed to clear the field. */
export function IsPhone(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value: unknown) => value === null || (typeof value === 'string' && normalizePhone(value) !== null),
        defaultMessage: (args) => `${args?.property ?? 'phone'} must be a valid phone number, e.g. 13800138000 or +8613800138000`,
      },
    },
    options,
  );
}
