import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretUnreadableError, secretsKeyOf } from './secret-box.js';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('seals as v1:<iv>:<tag>:<ciphertext> with a fresh IV each time, and opens again', () => {
    const a = box.seal('hemmelig');
    const b = box.seal('hemmelig');
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hemmelig');
    expect(box.open(a)).toBe('hemmelig');
    expect(box.isSealed(a)).toBe(true);
  });

  it('reads a value without the prefix as legacy plain text', () => {
    expect(box.isSealed('plain-secret')).toBe(false);
    expect(box.open('plain-secret')).toBe('plain-secret');
  });

  it('refuses another key and an altered value without saying what they hold', () => {
    const sealed = box.seal('hemmelig');
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(sealed)).toThrow(SecretUnreadableError);
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(altered)).toThrow(SecretUnreadableError);
  });

  it('derives a stable 32-byte key from the JWT secret when SECRETS_KEY is unset', () => {
    const jwt = 'a-jwt-secret-of-at-least-thirty-two-characters';
    expect(secretsKeyOf(undefined, jwt)).toEqual(secretsKeyOf(undefined, jwt));
    expect(secretsKeyOf(undefined, jwt)).toHaveLength(32);
    expect(secretsKeyOf(undefined, jwt).toString('utf8')).not.toContain(jwt);
    const set = randomBytes(32);
    expect(secretsKeyOf(set.toString('base64'), jwt)).toEqual(set);
  });
});
