import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { normalizeSetupCode } from '../../core/api/accounts';

/**
 * One-time setup codes (« Comptes »). 16 characters of Crockford's base32 (no I, L, O, U: read
 * aloud or copied from a screen without doubt) carry 80 random bits; shown in groups of four.
 * Stored only as an HMAC-SHA256 under a key derived from the instance secret (HKDF, own label):
 * a copy of the database opens no account, and the key is never another feature's.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;
const LABEL = 'borne/account-setup-codes/v1';

export function newSetupCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

export type SetupCodeKeyer = (code: string) => string;

export function setupCodeKeyer(instanceSecret: string): SetupCodeKeyer {
  const key = Buffer.from(hkdfSync('sha256', instanceSecret, '', LABEL, 32));
  return (code) => createHmac('sha256', key).update(normalizeSetupCode(code)).digest('hex');
}
