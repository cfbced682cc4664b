import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { publicKeyToPem, sm2PublicKeyOf, sm2Sign } from "@yulin/domain";
import { loadOrCreateSealKey } from "../register/ledger.service";

/** GB/T 35276 default signer id, as OpenSSL's `distid:1234567812345678`. */
export const SM2_USER_ID = "1234567812345678";

/**
 * The registry's SM2 seal key (电子签章) as certificates use it. It is the register's own seal key
 * (register/ledger.service.ts: YULIN_SEAL_PRIVATE_KEY, or `<data dir>/keys/seal.key`): one key per
 * registry signs both the ledger's tree heads and the certificates, and its public half is
 * published at /api/certificates/seal-public-key.
 */
export type SealKey = {
  publicKeyHex: string;
  publicKeyPem: string;
  /** DER signature, hex, over the UTF-8 text (SM3 with the standard user id). */
  sign(text: string): string;
};

export function sealKeyFrom(privateKeyHex: string): SealKey {
  const privateKey = privateKeyHex.trim().toLowerCase();
  const publicKeyHex = sm2PublicKeyOf(privateKey);
  return {
    publicKeyHex,
    publicKeyPem: publicKeyToPem(publicKeyHex),
    sign: (text) => sm2Sign(text, privateKey),
  };
}

/**
 * The installation's seal key if it has one (never creates one): for offline verification with
 * the CLI on the registry's own machine.
 */
export function findSealKey(configured: string | undefined, dataDir: string): SealKey | undefined {
  if (!configured && !fs.existsSync(path.join(dataDir, "keys", "seal.key"))) return undefined;
  return sealKeyFrom(loadOrCreateSealKey(configured, dataDir).privateKey);
}

/** Short, printable identity of a public key: the first 16 hex digits of its SM3. */
export const sealKeyFingerprint = (publicKeyHex: string): string =>
  crypto.createHash("sm3").update(Buffer.from(publicKeyHex, "hex")).digest("hex").slice(0, 16);
