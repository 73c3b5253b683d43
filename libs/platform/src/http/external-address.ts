import { Matches } from 'class-validator';
import { unprocessable } from './problem';

/**
 * How outside systems address their records (PUT /bookings/{source}/{externalId}, /complaints/…): a source is a
 * short lower-case name, an external id anything that fits in one URL path segment. Times from them carry an offset.
 */
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/;
export const SOURCE_MESSAGE = 'source must be 1-50 lower-case letters, digits, - or _';
export const EXTERNAL_ID_PATTERN = /^[^\s/?#]{1,100}$/;
export const externalIdMessage = (field = 'externalId') => `${field} must be 1-100 characters without spaces, /, ? or #`;

/** ISO-8601 with an offset: a time without one would be read in whatever zone the server happens to run. */
export const TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const IsTimeWithOffset = (field: string) => Matches(TIME_WITH_OFFSET, { message: `${field} must be an ISO-8601 time with offset, e.g. 2026-03-01T10:00:00+08:00` });

/** The path's source and externalId, or a 422 naming each bad one. */
export function checkExternalAddress(source: string, externalId: string): void {
  const errors = [
    ...(SOURCE_PATTERN.test(source) ? [] : [{ field: 'source', message: SOURCE_MESSAGE }]),
    ...(EXTERNAL_ID_PATTERN.test(externalId) ? [] : [{ field: 'externalId', message: externalIdMessage() }]),
  ];
  if (errors.length) throw unprocessable(errors);
}
