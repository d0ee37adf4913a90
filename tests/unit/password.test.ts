import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/password';

// scrypt with N=2^17 takes about half a second per hash here: one hash is shared by the tests,
// and the timeout leaves room for a machine busy with the other test files.
vi.setConfig({ testTimeout: 20_000 });
const stored = hashPassword('correct horse battery');

describe('scrypt passwords', () => {
  it('stores the scheme, its parameters, a salt and the hash, never the password', async () => {
    const value = await stored;
    expect(value).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(value).not.toContain('correct horse');
  });

  it('verifies the right password', async () => {
    await expect(verifyPassword('correct horse battery', await stored)).resolves.toBe(true);
  });

  it('refuses a wrong password, including a near miss', async () => {
    await expect(verifyPassword('correct horse batterY', await stored)).resolves.toBe(false);
    await expect(verifyPassword('', await stored)).resolves.toBe(false);
  });

  it('treats the same text in another Unicode form as the same password', async () => {
    const composed = await hashPassword('caf\u00e9');
    await expect(verifyPassword('cafe\u0301', composed)).resolves.toBe(true);
  });

  it('gives the same password a different hash each time (random salt)', async () => {
    const [a, b] = await Promise.all([hashPassword('mediateur'), hashPassword('mediateur')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    await expect(verifyPassword('mediateur', a)).resolves.toBe(true);
    await expect(verifyPassword('mediateur', b)).resolves.toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['a missing hash', 'scrypt$131072$8$1$c2FsdA'],
    ['plain text', 'mediateur'],
  ])('refuses a malformed stored value: %s', async (_label, value) => {
    await expect(verifyPassword('mediateur', value)).resolves.toBe(false);
  });

  it('refuses, without throwing, a stored value whose parameters are not numbers', async () => {
    const value = (await stored).replace('$131072$', '$lots$');
    await expect(verifyPassword('correct horse battery', value)).resolves.toBe(false);
  });
});
