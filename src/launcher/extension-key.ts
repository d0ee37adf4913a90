import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

/**
 * The companion extension's identity. Chromium derives an extension id from its public key:
 * the first 32 hex digits of sha256(SubjectPublicKeyInfo DER), written with the letters a–p.
 * The private key signs the packed extension; it stays with the admin, never in the repository.
 */
export function generateExtensionKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function publicKeyDer(privateKeyPem: string): Buffer {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}

export function extensionIdFromPublicKey(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

export function extensionIdFromPrivateKey(privateKeyPem: string): string {
  return extensionIdFromPublicKey(publicKeyDer(privateKeyPem));
}
