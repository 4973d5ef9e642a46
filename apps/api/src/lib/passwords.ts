import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (Password Storage Cheat Sheet): 19 MiB memory,
 * 2 iterations, 1 lane. The PHC string stores them, so raising them later keeps old hashes valid.
 */
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum the compiler cannot inline across packages)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a fixed hash and returns false: used for unknown accounts so that an unknown
 * e-mail and a wrong password take the same time.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-0123456789');
  await verifyPassword(await dummyHash, password);
  return false;
}
