import { macMatches, signMac } from '../identity/signed-token';

/**
 * The access a person without a dossier gets from a booking's reference and phone number:
 * `<base64url(bookingId.kioskId.expiresMs)>.<mac>`, signed under the instance secret with the
 * shared signed-token module (domain `booking-access:`, over the payload as written, as before).
 * It is bound to one booking, one kiosk and a session's length.
 */
const DOMAIN = 'booking-access:';

export function signAccess(secret: string, bookingId: string, kioskId: string, expires: number): string {
  const payload = `${bookingId}.${kioskId}.${expires}`;
  return `${Buffer.from(payload).toString('base64url')}.${signMac(secret, DOMAIN, payload)}`;
}

export function checkAccess(secret: string, access: string | undefined, bookingId: string, kioskId: string, now: number): boolean {
  const [encoded, mac] = (access ?? '').split('.');
  if (!encoded || !mac) return false;
  const payload = Buffer.from(encoded, 'base64url').toString();
  if (!macMatches(secret, DOMAIN, payload, mac)) return false;
  const [id, kiosk, expires] = payload.split('.');
  return id === bookingId && kiosk === kioskId && Number(expires) > now;
}
