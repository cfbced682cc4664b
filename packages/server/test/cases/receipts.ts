import {
  entryContentHash,
  type LedgerReceipt,
  receiptDeadline,
  verifyInclusion,
  verifyReceipt,
  verifyTreeHead,
} from "@yulin/domain";
import { expect } from "vitest";
import type { TestEnv } from "../support/test-services";
import type { Http } from "./support";

/**
 * A registration's answer carries the register's signed receipts (docs/register.md, "Receipts"):
 * each verifies offline with the seal key the API publishes, names exactly the answer's entries by
 * the SM3 of their content, and is honoured: the entry is later in a signed tree head timestamped
 * within the maximum merge delay, with the content hash the receipt promised.
 */
export async function expectReceiptsHonoured(
  env: TestEnv,
  api: Http,
  staff: string,
  answer: { entries: number[]; receipts: LedgerReceipt[] },
): Promise<void> {
  expect(answer.receipts.length).toBeGreaterThan(0);
  const key = await env.app.inject({ url: "/api/register/ledger/seal-key" });
  const { publicKey } = JSON.parse(key.body) as { publicKey: string };
  for (const receipt of answer.receipts) {
    expect(verifyReceipt(receipt, publicKey)).toBe(true);
    const forged = { ...receipt, entries: receipt.entries.map((e) => ({ ...e, seq: e.seq + 1 })) };
    expect(verifyReceipt(forged, publicKey)).toBe(false);
  }
  const promised = answer.receipts.flatMap((r) =>
    r.entries.map((e) => ({ ...e, deadline: receiptDeadline(r) })),
  );
  expect(promised.map((e) => e.seq).sort((a, b) => a - b)).toEqual([...answer.entries].sort((a, b) => a - b));

  for (const entry of promised) {
    // The proof integrates the queue first when the entry is still waiting for the sequencer.
    const res = await env.app.inject({ url: `/api/register/ledger/proofs/inclusion?seq=${entry.seq}` });
    expect(res.statusCode, res.body).toBe(200);
    const proof = JSON.parse(res.body);
    expect(verifyTreeHead(proof.head, publicKey)).toBe(true);
    expect(Date.parse(proof.head.timestamp)).toBeLessThanOrEqual(entry.deadline);
    const root = proof.head.rootHash;
    expect(verifyInclusion({ ...proof, leafHash: proof.entryHash, root })).toBe(true);
    const stored = await api.get(staff, `/api/register/ledger/entries/${entry.seq}`);
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const { seq, jurisdiction, parcel, unit, at, body } = stored.body;
    expect(entryContentHash({ seq, jurisdiction, parcel, unit, at, body })).toBe(entry.contentHash);
    expect(stored.body.hash).toBe(proof.entryHash);
  }
}
