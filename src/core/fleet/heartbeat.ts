import { z } from 'zod';

/**
 * What a heartbeat may say of the kiosk besides "I am here": the build it runs, since when its
 * page runs (uptime), whether a camera is plugged in, and the code of its last error. Codes and
 * times only: never a message, never anything a usager typed. Every field is optional, so an old
 * kiosk that sends no body keeps working, and the extension (which cannot see the camera) sends
 * only what it knows: the server keeps the rest as the kiosk page last reported it.
 */
const iso = (what: string) => z.iso.datetime({ offset: true, error: `expected ${what} as an ISO date and time, for example "2026-11-23T09:00:00.000Z"` });

export const ERROR_CODE = /^[a-z][a-z0-9_.-]{0,63}$/;

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

/** The details the console shows for a kiosk, as the last heartbeats told them. */
export interface KioskHealth {
  appVersion: string | null;
  startedAt: string | null;
  camera: boolean | null;
  lastError: { code: string; at: string } | null;
}

export const NO_HEALTH: KioskHealth = { appVersion: null, startedAt: null, camera: null, lastError: null };
