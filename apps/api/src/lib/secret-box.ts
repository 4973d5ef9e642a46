import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets kept in the database (an OpenID provider's client secret or private key) are sealed with
 * AES-256-GCM under the server's secrets key: `v1:<iv>:<tag>:<ciphertext>`, each part base64url.
 * A value without the `v1:` prefix is read as legacy plain text (rows written before encryption).
 */
const VERSION = 'v1';

/** The value could not be opened: another SECRETS_KEY sealed it, or it was altered. Says nothing of the value. */
export class SecretUnreadableError extends Error {
  constructor() {
    super('A stored secret cannot be decrypted with this server’s SECRETS_KEY.');
    this.name = 'SecretUnreadableError';
  }
}

export interface SecretBox {
  seal(plain: string): string;
  /** The plain text of a sealed value (or of a legacy plain-text one); throws SecretUnreadableError. */
  open(stored: string): string;
  isSealed(stored: string): boolean;
}

/**
 * The 32-byte key: SECRETS_KEY (base64) when set, else derived from the JWT secret with HKDF-SHA-256
 * (a separate key for a separate purpose, so the signing secret itself never encrypts anything).
 */
export function secretsKeyOf(secretsKey: string | undefined, jwtSecret: string): Buffer {
  if (secretsKey) return Buffer.from(secretsKey, 'base64');
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'slt-secrets-key', 'slt stored secrets v1', 32));
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secrets key must be 32 bytes.');
  const isSealed = (stored: string) => stored.startsWith(`${VERSION}:`);
  return {
    isSealed,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      const [, iv, tag, ciphertext] = stored.split(':');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
        decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext ?? '', 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError();
      }
    },
  };
}
