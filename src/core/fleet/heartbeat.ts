/**
 * What a heartbeat may say of the kiosk besides "I am here": the build it runs, since when its
 * page runs (uptime), whether a camera is plugged in, and the code of its last error. Codes and
 * times only: never a message, never anything a usager typed. Every field is optional, so an old
 * kiosk that sends no body keeps working, and the extension (which cannot see the camera) sends
 * only what it knows: the server keeps the rest as the kiosk page last reported it.
 */
export const ERROR_CODE = /^[a-z][a-z0-9_.-]{0,63}$/;

export type { HeartbeatBody } from './heartbeat.schema';

/** The details the console shows for a kiosk, as the last heartbeats told them. */
export interface KioskHealth {
  appVersion: string | null;
  startedAt: string | null;
  camera: boolean | null;
  lastError: { code: string; at: string } | null;
}

export const NO_HEALTH: KioskHealth = { appVersion: null, startedAt: null, camera: null, lastError: null };
