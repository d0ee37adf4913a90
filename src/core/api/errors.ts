/** The error body every API error has; clients translate by `code`, people read `message`. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    details?: ApiErrorDetails;
    /** On a version_conflict: the record as it is now, so the person sees the other change. */
    current?: unknown;
  };
}

/** Facts a client acts on, e.g. `retryAt` (ISO time) and `retryAfterSeconds` when a lockout lifts. */
export type ApiErrorDetails = Record<string, string | number | boolean>;

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiErrorBody).error?.code === 'string';
}
