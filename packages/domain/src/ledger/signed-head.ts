/**
 * Signed tree heads: the registry's SM2 signature over the ledger's Merkle root at a size and a
 * time. With a signed head, an inclusion proof shows that an entry is in the register as the
 * registry published it, and a consistency proof that a later head only appended to it.
 *
 * The signed message is the UTF-8 of
 *   canonicalJson({ log: "yulin-register", rootHash, timestamp, treeSize })
 * e.g. {"log":"yulin-register","rootHash":"…64 hex…","timestamp":"2026-11-24T10:00:00.000Z","treeSize":42}
 * signed as sm-crypto.ts describes (SM3 with Z of user id 1234567812345678, DER). OpenSSL checks it:
 *   openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 \
 *     -pubin -inkey registry.pub.pem -in head.json -sigfile head.sig.der
 */
import { isHash } from "./bytes";
import { canonicalJson } from "./canonical-json";
import { sm2Sign, sm2Verify } from "./sm-crypto";

export {
  generateSealKeyPair,
  privateKeyToPem,
  publicKeyFromPem,
  publicKeyToPem,
  type SealKeyPair,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
} from "./sm-crypto";

/** Names the log in every signed head, so a head signature is never valid for another message kind. */
export const TREE_HEAD_LOG = "yulin-register";

export type TreeHead = {
  treeSize: number;
  /** MTH of the first `treeSize` entries, 64 lowercase hex digits. */
  rootHash: string;
  /** ISO 8601 instant the head was signed (the caller's clock: domain has none). */
  timestamp: string;
};

export type SignedTreeHead = TreeHead & {
  /** SM2 DER signature over treeHeadMessage(head), lowercase hex. */
  signature: string;
};

const isTreeHead = (head: TreeHead): boolean =>
  Number.isSafeInteger(head.treeSize) &&
  head.treeSize >= 0 &&
  isHash(head.rootHash) &&
  typeof head.timestamp === "string" &&
  head.timestamp.length > 0;

/** The exact text that is signed. */
export function treeHeadMessage(head: TreeHead): string {
  if (!isTreeHead(head))
    throw new TypeError("a tree head has a non-negative integer size, a lowercase hex root and a timestamp");
  return canonicalJson({
    log: TREE_HEAD_LOG,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    treeSize: head.treeSize,
  });
}

export function signTreeHead(head: TreeHead, privateKeyHex: string): SignedTreeHead {
  const signature = sm2Sign(treeHeadMessage(head), privateKeyHex);
  return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, signature };
}

/** False for a wrong key, an altered head or anything malformed; never throws. */
export function verifyTreeHead(signed: SignedTreeHead, publicKeyHex: string): boolean {
  if (!isTreeHead(signed) || typeof signed.signature !== "string") return false;
  return sm2Verify(treeHeadMessage(signed), signed.signature, publicKeyHex);
}
