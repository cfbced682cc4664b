import { sql } from "kysely";
import type { Database } from "../platform/db/database";
import { verifyBooks } from "./verify-books";
import { verifyChainAndTree, verifyReceipts } from "./verify-log";
import type { VerifyProblem, VerifyStageOptions } from "./verify-pages";

export type { VerifyProblem } from "./verify-pages";

export type VerifyReport = {
  ok: boolean;
  entries: number;
  books: number;
  rows: number;
  signedHeads: number;
  /** Receipts checked (each a signed promise of inclusion within the maximum merge delay). */
  receipts: number;
  /** Entries committed and queued, not yet integrated by the sequencer. */
  pending: number;
  problems: VerifyProblem[];
  /** Problems beyond the first `maxProblems` are counted, not listed. */
  moreProblems: number;
  seconds: number;
};

export type VerifyOptions = VerifyStageOptions & { maxProblems?: number };

/**
 * `yulin verify`: checks the hash chain (every hash recomputed, seq gapless), the Merkle tree
 * (stored nodes, the head's compact range, every signed head's root and SM2 signature), then
 * replays every book (宗地) from its entries through the domain's `applyEntry` and compares the
 * rebuilt rows with the projection tables, column by column. Runs in one repeatable-read
 * snapshot; the ledger is streamed in keyset pages, the next page read while the current one is
 * hashed or replayed; memory stays bounded (books are replayed a page at a time).
 */
export async function verifyRegister(db: Database, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = Date.now();
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      await sql`set transaction read only`.execute(tx).catch(() => undefined);
      const problems: VerifyProblem[] = [];
      let more = 0;
      const max = options.maxProblems ?? 200;
      const report = (check: string, message: string) => {
        if (problems.length < max) problems.push({ check, message });
        else more += 1;
      };
      const chain = await verifyChainAndTree(tx, options, report);
      const receipts = await verifyReceipts(tx, options, report);
      const books = await verifyBooks(tx, options, report);
      return {
        ok: problems.length === 0 && more === 0,
        entries: chain.entries,
        books: books.books,
        rows: books.rows,
        signedHeads: chain.heads,
        receipts: receipts.receipts,
        pending: receipts.pending,
        problems,
        moreProblems: more,
        seconds: (Date.now() - started) / 1000,
      };
    });
}
