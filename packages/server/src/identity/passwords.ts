import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Algorithm is an ambient const enum; 2 = Argon2id.
const ARGON2ID = 2 as Algorithm;

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): ~30 ms per login here.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 10 characters with letters and digits. */
export const isStrongEnough = (password: string): boolean =>
  password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);

/** A hash to verify against when the username is unknown, so timing does not reveal accounts. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword("decoy-password-0");
  return decoy;
};
