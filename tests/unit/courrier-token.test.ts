import { describe, expect, it } from 'vitest';
import { signCourrierCode, verifyCourrierCode } from '../../src/server/identity/courrier-token';

const SECRET = 'test-secret-of-this-instance';
const NOW = new Date('2026-11-23T09:00:00Z');
const LATER = new Date('2027-01-23T09:00:00Z');

describe('courrier QR code', () => {
  it('round-trips the dossier id until it expires', () => {
    const code = signCourrierCode(SECRET, 'dossier-1', LATER);
    expect(verifyCourrierCode(SECRET, code, NOW)).toEqual({ ok: true, dossierId: 'dossier-1', expiresAt: LATER });
    expect(verifyCourrierCode(SECRET, code, LATER)).toEqual({ ok: false, reason: 'expired', dossierId: 'dossier-1' });
  });

  it('never carries the dossier number or anything readable but an opaque id', () => {
    const code = signCourrierCode(SECRET, 'dossier-1', LATER);
    expect(code).toMatch(/^BRN1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a code signed with another secret, or altered', () => {
    const code = signCourrierCode('another-instance', 'dossier-1', LATER);
    expect(verifyCourrierCode(SECRET, code, NOW)).toEqual({ ok: false, reason: 'forged' });
    const [p, payload, sig] = signCourrierCode(SECRET, 'dossier-1', LATER).split('.');
    const altered = Buffer.from(JSON.stringify({ d: 'dossier-2', e: LATER.getTime() / 1000 })).toString('base64url');
    expect(verifyCourrierCode(SECRET, `${p}.${altered}.${sig}`, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyCourrierCode(SECRET, `${p}.${payload}.${sig}x`, NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('says a code is not ours when it is some other barcode', () => {
    for (const other of ['3017620422003', 'https://www.caf.fr', 'BRN2.a.b', '', 'BRN1..']) {
      expect(verifyCourrierCode(SECRET, other, NOW)).toEqual({ ok: false, reason: 'not_ours' });
    }
  });
});
