import type { Problem } from '@crm/contracts';

const BASE = '/api/v1';

/** Any answer that is not a success, carrying the API's problem+json body (or one made up for network failures). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): { field: string; message: string }[] {
    return this.problem.errors ?? [];
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * JSON in and out under /api/v1, authenticated by the session cookie. Throws ProblemError on failure.
 * A Blob body (a file to upload) is sent as it is, as application/octet-stream.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  const file = init.body instanceof Blob;
  try {
    response = await fetch(BASE + path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': file ? 'application/octet-stream' : 'application/json' },
      body: init.body === undefined ? undefined : file ? (init.body as Blob) : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ProblemError({ type: 'about:blank', title: 'Network error', status: 0, detail: (err as Error).message });
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = body && typeof body === 'object' && 'status' in body ? (body as Problem) : { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
    throw new ProblemError(problem);
  }
  return body as T;
}

export const isProblem = (err: unknown, status?: number): err is ProblemError =>
  err instanceof ProblemError && (status === undefined || err.status === status);

/** What to tell the user about a failure: the server's explanation, or that the server is out of reach. */
export function errorText(err: unknown, networkError: string): string {
  if (err instanceof ProblemError) return err.status === 0 ? networkError : err.message;
  return err instanceof Error ? err.message : String(err);
}
