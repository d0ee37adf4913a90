import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { macMatches, signMac } from '../../src/server/identity/signed-token';

const SECRET = 'test-secret-of-this-instance';

describe('signed tokens (courrier codes and booking access)', () => {
  it('keeps the MAC already in use: HMAC-SHA256 of domain + message, base64url (printed codes stay valid)', () => {
    const expected = createHmac('sha256', SECRET).update('BRN1.payload').digest('base64url');
    expect(signMac(SECRET, 'BRN1.', 'payload')).toBe(expected);
    expect(macMatches(SECRET, 'BRN1.', 'payload', expected)).toBe(true);
  });

  it('refuses an altered message, another secret and another domain', () => {
    const mac = signMac(SECRET, 'booking-access:', 'b1.k1.99');
    expect(macMatches(SECRET, 'booking-access:', 'b1.k1.100', mac)).toBe(false);
    expect(macMatches('another-instance', 'booking-access:', 'b1.k1.99', mac)).toBe(false);
    // A booking access is never accepted as a courrier code, nor the reverse.
    expect(macMatches(SECRET, 'BRN1.', 'b1.k1.99', mac)).toBe(false);
  });

  it('refuses a truncated, extended or multi-byte MAC without throwing', () => {
    const mac = signMac(SECRET, 'BRN1.', 'payload');
    expect(macMatches(SECRET, 'BRN1.', 'payload', mac.slice(1))).toBe(false);
    expect(macMatches(SECRET, 'BRN1.', 'payload', `${mac}x`)).toBe(false);
    // Same number of characters, more bytes: timingSafeEqual would throw on unequal lengths.
    expect(macMatches(SECRET, 'BRN1.', 'payload', `é${mac.slice(1)}`)).toBe(false);
    expect(macMatches(SECRET, 'BRN1.', 'payload', '')).toBe(false);
  });
});
