import { macMatches, signMac } from './signed-token';

/**
 * The code printed as a QR on the pôle's courriers: `BRN1.<payload>.<signature>`, base64url.
 * The payload holds the dossier's internal id and an expiry, never the dossier number; the
 * HMAC-SHA256 signature uses the instance secret, so a forged or altered code is refused.
 */
const PREFIX = 'BRN1';

/** An expired code is still genuine: it names its dossier, so the failure counts against that dossier. */
export type CodeCheck = { ok: true; dossierId: string; expiresAt: Date } | { ok: false; reason: 'not_ours' | 'forged' } | { ok: false; reason: 'expired'; dossierId: string };

/** The MAC covers the prefix and the encoded payload (signed-token.ts, domain `BRN1.`). */
const DOMAIN = `${PREFIX}.`;

export function signCourrierCode(secret: string, dossierId: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ d: dossierId, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${PREFIX}.${payload}.${signMac(secret, DOMAIN, payload)}`;
}

export function verifyCourrierCode(secret: string, code: string, now: Date): CodeCheck {
  const parts = code.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return { ok: false, reason: 'not_ours' };
  const [, payload, signature] = parts as [string, string, string];
  if (!macMatches(secret, DOMAIN, payload, signature)) return { ok: false, reason: 'forged' };
  let data: { d?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { d?: unknown; e?: unknown };
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (typeof data.d !== 'string' || typeof data.e !== 'number') return { ok: false, reason: 'forged' };
  const expiresAt = new Date(data.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', dossierId: data.d };
  return { ok: true, dossierId: data.d, expiresAt };
}
