/**
 * Receipts (登簿回执): the register's signed promise, handed out when entries are appended, that
 * they will be integrated into the Merkle tree within the maximum merge delay — the Signed
 * Certificate Timestamp of Certificate Transparency (RFC 6962 §3.2). The log index and the chain
 * hash are not known yet (the sequencer assigns them in batches), so the receipt names each entry
 * by its id and its content hash:
 *
 *   contentHash = SM3( canonicalJson({seq, jurisdiction, parcel, unit, at, body}) )
 *
 * The signed message is the UTF-8 of
 *   canonicalJson({ log: "yulin-register-receipt", entries: [{seq, contentHash}…], timestamp, maxMergeDelayMs })
 * signed with the register's SM2 key as signed heads are (sm-crypto.ts). A receipt is honoured
 * when every entry it names is in a signed tree head timestamped at most `maxMergeDelayMs` after
 * the receipt's `timestamp`, with the same content hash.
 */
import { isHash } from "./bytes";
import { canonicalJson } from "./canonical-json";
import { sm2Sign, sm2Verify, sm3Hex } from "./sm-crypto";

/** Names the message kind, so a receipt signature is never valid as a tree head's, or the reverse. */
export const RECEIPT_LOG = "yulin-register-receipt";

export type ReceiptEntry = { seq: number; contentHash: string };

export type UnsignedReceipt = {
  entries: ReceiptEntry[];
  /** ISO 8601 instant the receipt was issued (the register's clock). */
  timestamp: string;
  /** The promise: integrated and signed within this many milliseconds of `timestamp`. */
  maxMergeDelayMs: number;
};

export type LedgerReceipt = UnsignedReceipt & {
  /** SM2 DER signature over receiptMessage(receipt), lowercase hex. */
  signature: string;
};

/** SM3 of an entry's canonical content, without the chain: what a receipt promises to include. */
export const entryContentHash = (content: unknown): string => sm3Hex(canonicalJson(content));

const isReceipt = (r: UnsignedReceipt): boolean =>
  Array.isArray(r.entries) &&
  r.entries.length > 0 &&
  r.entries.every((e) => Number.isSafeInteger(e.seq) && e.seq > 0 && isHash(e.contentHash)) &&
  typeof r.timestamp === "string" &&
  !Number.isNaN(Date.parse(r.timestamp)) &&
  Number.isSafeInteger(r.maxMergeDelayMs) &&
  r.maxMergeDelayMs > 0;

/** The exact text that is signed. */
export function receiptMessage(r: UnsignedReceipt): string {
  if (!isReceipt(r))
    throw new TypeError("a receipt names entries by positive id and SM3 hash, with a timestamp and a delay");
  return canonicalJson({
    log: RECEIPT_LOG,
    entries: r.entries.map((e) => ({ seq: e.seq, contentHash: e.contentHash })),
    timestamp: r.timestamp,
    maxMergeDelayMs: r.maxMergeDelayMs,
  });
}

export function signReceipt(r: UnsignedReceipt, privateKeyHex: string): LedgerReceipt {
  return { ...r, signature: sm2Sign(receiptMessage(r), privateKeyHex) };
}

/** False for a wrong key, an altered receipt or anything malformed; never throws. */
export function verifyReceipt(r: LedgerReceipt, publicKeyHex: string): boolean {
  if (!r || !isReceipt(r) || typeof r.signature !== "string") return false;
  return sm2Verify(receiptMessage(r), r.signature, publicKeyHex);
}

/** The latest instant a signed head must include the receipt's entries by. */
export const receiptDeadline = (r: UnsignedReceipt): number => Date.parse(r.timestamp) + r.maxMergeDelayMs;
