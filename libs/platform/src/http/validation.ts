import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';

/** Flattens class-validator's nested errors into dotted field paths ("contacts.0.phone"). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** Unknown fields are rejected, not silently dropped: a caller that misspells a field must hear about it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ProblemException(422, 'The request breaks a rule; see errors.', flattenValidationErrors(errors)),
  });
}
