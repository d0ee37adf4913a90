import { z } from 'zod';
import { ERROR_CODE } from './heartbeat';

// The heartbeat's validator, apart from heartbeat.ts so the kiosk does not carry zod.
const iso = (what: string) => z.iso.datetime({ offset: true, error: `expected ${what} as an ISO date and time, for example "2026-11-23T09:00:00.000Z"` });

export const heartbeatBodySchema = z
  .object({
    appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, { error: 'expected the app version, for example "0.1.0"' }).optional(),
    startedAt: iso('when the kiosk page started').optional(),
    camera: z.boolean({ error: 'expected true (a camera is present) or false' }).optional(),
    lastError: z
      .object({
        code: z.string().regex(ERROR_CODE, { error: 'expected an error code (lower case letters, digits, _ . -), for example "stream_refused"; never free text' }),
        at: iso('when the error happened'),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type HeartbeatBody = z.infer<typeof heartbeatBodySchema>;
