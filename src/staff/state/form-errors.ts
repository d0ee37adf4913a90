import { ApiRequestError } from '../../web/api-client';

/**
 * What a refused save means for a form: the message of each field the server named (the same
 * zod messages as the config files), or a conflict with the record as it is now. The form keeps
 * what was typed either way: only the server's answer is shown next to it.
 */
export interface FormRefusal {
  /** Field path ("help.escalationMinutes") → what is wrong and how to fix it. */
  fields: Record<string, string>;
  /** Set when someone else saved first: their version, and the record as they saved it. */
  conflict: { version: number; current: unknown } | null;
  /** Anything else, in the server's words (a network failure, a refusal). */
  message: string | null;
  code: string | null;
}

export const NO_REFUSAL: FormRefusal = { fields: {}, conflict: null, message: null, code: null };

export function formRefusal(error: unknown): FormRefusal {
  if (!(error instanceof ApiRequestError)) return { ...NO_REFUSAL, message: error instanceof Error ? error.message : String(error) };
  if (error.code === 'version_conflict') {
    return { ...NO_REFUSAL, code: error.code, conflict: { version: Number(error.details?.version ?? 0), current: error.current ?? null } };
  }
  const fields = Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message]));
  return { fields, conflict: null, message: Object.keys(fields).length ? null : error.message, code: error.code };
}
