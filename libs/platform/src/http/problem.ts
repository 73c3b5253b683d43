import { HttpException } from '@nestjs/common';

/** One field's complaint in a problem+json body. `field` is a dotted path into the request body or query. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the only error shape the API returns. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  408: ['request-timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  410: ['gone', 'Gone'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['validation', 'Validation failed'],
  429: ['rate-limited', 'Too many requests'],
  431: ['headers-too-large', 'URL or headers too large'],
  500: ['internal', 'Internal server error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problem(status: number, detail?: string, errors?: FieldError[]): ProblemBody {
  const [slug, title] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
  const body: ProblemBody = { type: `/problems/${slug}`, title, status };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return body;
}

/** Thrown by services for an answer that is not a success: carries the problem body to the filter. */
export class ProblemException extends HttpException {
  constructor(status: number, detail?: string, errors?: FieldError[]) {
    super(problem(status, detail, errors), status);
  }
}

/** 429 with the seconds to wait, which the problem filter sends as Retry-After. */
export class TooManyRequestsException extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(429, detail);
  }
}

export const notFound = (what = 'The record') => new ProblemException(404, `${what} does not exist.`);
export const unprocessable = (errors: FieldError[], detail = 'The request breaks a rule; see errors.') =>
  new ProblemException(422, detail, errors);
