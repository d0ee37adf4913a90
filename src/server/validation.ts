import type { z } from 'zod';
import { apiError } from './errors';

/** Turns zod issues into `fields` a caller can act on: the path, then what was expected. */
export function zodFields(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(body)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them`
        : issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
          ? `missing: expected ${issue.expected}`
          : issue.message,
  }));
}

/** Validates request input with a schema from src/core; a failure is a 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw apiError('validation', zodFields(result.error));
  return result.data;
}
