import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Opaque bearer secrets (kiosk tokens, staff sessions). Only their hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Demo kiosks get tokens derived from the instance secret, so `npm start` can print the same URLs each time. */
export function derivedToken(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(purpose).digest('base64url');
}
