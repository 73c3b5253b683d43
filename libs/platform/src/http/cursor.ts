import { ProblemException } from './problem';

/** Keyset pagination: a cursor is the sort key of the last row seen, opaque to callers. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    /* fall through to the problem below */
  }
  throw new ProblemException(422, 'The cursor is not one this list gave out.', [{ field: 'cursor', message: 'cursor is invalid' }]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
