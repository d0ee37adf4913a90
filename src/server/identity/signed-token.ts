import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one HMAC-SHA256 of Borne's signed tokens under the instance secret: courrier codes
 * (courrier-token.ts) and booking access (agenda/booking-access.ts). Each caller names its own
 * domain (the text the MAC input starts with), so a token of one kind never verifies as the other.
 * The domains and the message layouts are those already in use: codes printed on paper and
 * accesses handed out stay valid.
 */
export function signMac(secret: string, domain: string, message: string): string {
  return createHmac('sha256', secret).update(`${domain}${message}`).digest('base64url');
}

/**
 * Whether `mac` is the signature of `message` in `domain`, in constant time. Bytes are compared,
 * not characters: a character above 0x7F is one character but two UTF-8 bytes, and
 * timingSafeEqual throws on buffers of different lengths.
 */
export function macMatches(secret: string, domain: string, message: string, mac: string): boolean {
  const given = Buffer.from(mac);
  const wanted = Buffer.from(signMac(secret, domain, message));
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
