import { generateSm2KeyPair, type Sm2KeyPair, sm2Sign, sm2Verify } from "../integrations/shared/sm2";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database, Tx } from "../platform/db/database";
import { findAccountKey, insertAccountKeyIfAbsent } from "./account-key.repository";

/**
 * Each account's SM2 key pair for confirming applications (电子签名), made on first need. The
 * private key is sealed with the PII cipher (SM4 + HMAC-SM3) and only ever opened to sign.
 */
export async function accountKeyPair(tx: Tx, pii: PiiCipher, accountId: string): Promise<Sm2KeyPair> {
  const existing = await findAccountKey(tx, accountId);
  if (existing) return { publicKey: existing.public_key, privateKey: pii.decrypt(existing.private_key_enc) };
  const pair = generateSm2KeyPair();
  await insertAccountKeyIfAbsent(tx, {
    account_id: accountId,
    public_key: pair.publicKey,
    private_key_enc: pii.encrypt(pair.privateKey),
  });
  // Another request may have made the key first: use whichever is stored.
  const stored = await findAccountKey(tx, accountId);
  if (!stored) throw new Error(`account ${accountId}: key pair not stored`);
  return { publicKey: stored.public_key, privateKey: pii.decrypt(stored.private_key_enc) };
}

export async function findAccountPublicKey(
  db: Database | Tx,
  accountId: string,
): Promise<string | undefined> {
  return (await findAccountKey(db, accountId))?.public_key;
}

/** Signs the canonical content text (SM2 with SM3 and the standard user id, DER). */
export const signContent = (text: string, pair: Sm2KeyPair): string => sm2Sign(text, pair.privateKey);

export const verifyContent = (text: string, signature: string, publicKey: string): boolean =>
  sm2Verify(text, signature, publicKey);
