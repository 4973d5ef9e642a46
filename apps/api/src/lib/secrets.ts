import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the CSPRNG, base64url. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256, hex: for high-entropy secrets (refresh and API tokens), where a slow hash buys nothing. */
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
