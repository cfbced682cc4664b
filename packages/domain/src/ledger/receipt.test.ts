import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import {
  entryContentHash,
  type LedgerReceipt,
  receiptDeadline,
  receiptMessage,
  signReceipt,
  verifyReceipt,
} from "./receipt";
import { signTreeHead, verifyTreeHead } from "./signed-head";
import { generateSealKeyPair, sm3Hex } from "./sm-crypto";

const keys = generateSealKeyPair();
const content = {
  seq: 7,
  jurisdiction: "440604",
  parcel: "440604001001GB00001",
  unit: null,
  at: "2026-12-03T09:00:00.000Z",
  body: { kind: "x" },
};
const unsigned = {
  entries: [{ seq: 7, contentHash: entryContentHash(content) }],
  timestamp: "2026-12-03T09:00:00.123Z",
  maxMergeDelayMs: 60_000,
};

describe("ledger receipts (signed promises of inclusion)", () => {
  it("names each entry by id and the SM3 of its canonical content, without the chain", () => {
    expect(unsigned.entries[0]!.contentHash).toBe(sm3Hex(canonicalJson(content)));
  });

  it("verifies offline with the register's public key, and only that key", () => {
    const receipt = signReceipt(unsigned, keys.privateKey);
    expect(verifyReceipt(receipt, keys.publicKey)).toBe(true);
    expect(verifyReceipt(receipt, generateSealKeyPair().publicKey)).toBe(false);
  });

  it("refuses an altered entry, time or delay, and anything malformed, without throwing", () => {
    const receipt = signReceipt(unsigned, keys.privateKey);
    const altered: LedgerReceipt[] = [
      { ...receipt, entries: [{ seq: 8, contentHash: receipt.entries[0]!.contentHash }] },
      { ...receipt, entries: [{ seq: 7, contentHash: "0".repeat(64) }] },
      { ...receipt, timestamp: "2026-12-03T09:00:01.123Z" },
      { ...receipt, maxMergeDelayMs: 120_000 },
      { ...receipt, entries: [] },
      { ...receipt, signature: "zz" },
    ];
    for (const r of altered) expect(verifyReceipt(r, keys.publicKey)).toBe(false);
  });

  it("is never valid as a signed tree head, nor a head as a receipt", () => {
    const receipt = signReceipt(unsigned, keys.privateKey);
    const head = signTreeHead(
      { treeSize: 7, rootHash: "a".repeat(64), timestamp: unsigned.timestamp },
      keys.privateKey,
    );
    expect(
      verifyTreeHead(
        {
          treeSize: 7,
          rootHash: "a".repeat(64),
          timestamp: unsigned.timestamp,
          signature: receipt.signature,
        },
        keys.publicKey,
      ),
    ).toBe(false);
    expect(verifyReceipt({ ...unsigned, signature: head.signature }, keys.publicKey)).toBe(false);
    expect(receiptMessage(unsigned)).toContain('"log":"yulin-register-receipt"');
  });

  it("sets the deadline at the timestamp plus the maximum merge delay", () => {
    expect(receiptDeadline(unsigned)).toBe(Date.parse("2026-12-03T09:01:00.123Z"));
  });
});
