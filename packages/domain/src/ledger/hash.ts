/**
 * 登记簿 hash chain: every ledger entry commits to the one before it.
 *
 *   entryHash(prevHash, entry) = SM3( UTF-8(prevHash) ‖ UTF-8(canonicalJson(entry)) )
 *
 * where `prevHash` is the previous entry's hash written as 64 lowercase hex digits (the text, not
 * the 32 bytes it stands for) and the first entry's `prevHash` is GENESIS_HASH (64 zeros). The
 * result is again 64 lowercase hex digits. So anyone can recompute a hash with any SM3 tool:
 *   printf '%s%s' "$PREV_HASH" "$CANONICAL_JSON" | openssl dgst -sm3
 */
import { isHash } from "./bytes";
import { canonicalJson } from "./canonical-json";
import { sm3Hex } from "./sm-crypto";

export { sm3Hex } from "./sm-crypto";

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export function entryHash(prevHash: string, entry: unknown): string {
  if (!isHash(prevHash)) throw new TypeError("prevHash must be 64 lowercase hex digits");
  return sm3Hex(prevHash + canonicalJson(entry));
}

/** One stored entry as the chain sees it: `body` is exactly what was hashed. */
export type ChainedEntry = { hash: string; prevHash: string; body: unknown };

export type ChainBreak =
  /** `prevHash` is not the previous entry's `hash` (or GENESIS_HASH for the first). */
  | "prev-hash-mismatch"
  /** `hash` is not entryHash(prevHash, body): the entry was altered. */
  | "hash-mismatch"
  /** `hash` or `prevHash` is not 64 lowercase hex digits. */
  | "malformed-hash"
  /** The body is not JSON data (canonicalJson refuses it). */
  | "unencodable-body";

export type ChainCheck =
  | { ok: true; size: number; lastHash: string }
  | { ok: false; index: number; reason: ChainBreak; expected: string | null; found: string };

/**
 * Checks a run of entries in order and reports the first one that breaks the chain. `startHash`
 * is the hash the first entry must point to: GENESIS_HASH for a whole ledger, or the last
 * verified hash when checking a later segment. `lastHash` of an empty run is `startHash`.
 */
export function verifyChain(entries: readonly ChainedEntry[], startHash: string = GENESIS_HASH): ChainCheck {
  let expectedPrev = startHash;
  for (let index = 0; index < entries.length; index++) {
    const { hash, prevHash, body } = entries[index]!;
    if (!isHash(prevHash)) return broken(index, "malformed-hash", null, String(prevHash));
    if (!isHash(hash)) return broken(index, "malformed-hash", null, String(hash));
    if (prevHash !== expectedPrev) return broken(index, "prev-hash-mismatch", expectedPrev, prevHash);
    let recomputed: string;
    try {
      recomputed = entryHash(prevHash, body);
    } catch {
      return broken(index, "unencodable-body", null, hash);
    }
    if (recomputed !== hash) return broken(index, "hash-mismatch", recomputed, hash);
    expectedPrev = hash;
  }
  return { ok: true, size: entries.length, lastHash: expectedPrev };
}

const broken = (index: number, reason: ChainBreak, expected: string | null, found: string): ChainCheck => ({
  ok: false,
  index,
  reason,
  expected,
  found,
});
