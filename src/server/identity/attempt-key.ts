import { createHmac, hkdfSync } from 'node:crypto';

/**
 * How a typed dossier number (or a booking reference) is kept in identification_attempts: an
 * HMAC-SHA256 under a key derived from the instance secret. A plain hash of an 8-digit number is
 * reversed by trying all 10^8 of them; without the secret, nobody can even start.
 * The key is derived (HKDF, own label) so the courrier-code signing key is never reused as is.
 */
const LABEL = 'borne/identification-attempts/v1';

export type AttemptKind = 'dossier' | 'number' | 'booking' | 'unverified-code';
export type AttemptKeyer = (kind: AttemptKind, value: string) => string;

export function attemptKeyer(instanceSecret: string): AttemptKeyer {
  const key = Buffer.from(hkdfSync('sha256', instanceSecret, '', LABEL, 32));
  return (kind, value) => createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}
