import { isApiErrorBody, type ApiErrorBody } from '../core/api/errors';

/** A refused or failed request: `code` is the catalogue code, or "network" when nothing came back. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: ApiErrorBody['error']['fields'],
    readonly details?: ApiErrorBody['error']['details'],
    /** On a version_conflict: the record as someone else saved it. */
    readonly current?: unknown,
  ) {
    super(message);
  }
  get isNetwork(): boolean {
    return this.code === 'network';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** JSON over fetch; never sends a Content-Type without a body (the server refuses empty JSON). */
export async function apiRequest<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : null,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal ?? null,
    });
  } catch (error) {
    throw new ApiRequestError(0, 'network', (error as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiErrorBody(data)) throw new ApiRequestError(response.status, data.error.code, data.error.message, data.error.fields, data.error.details, data.error.current);
    throw new ApiRequestError(response.status, response.status >= 500 ? 'network' : 'unknown', response.statusText);
  }
  return data as T;
}
