import { isDeepStrictEqual } from "node:util";
import {
  applyEntry,
  createMemoryRegister,
  entryContentHash,
  entryHash,
  GENESIS_HASH,
  type MemoryRegister,
  MerkleAccumulator,
  REGISTER_TABLES,
  type RegisterRecordOf,
  type RegisterTable,
  receiptDeadline,
  recordKey,
  verifyReceipt,
  verifyTreeHead,
} from "@yulin/domain";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import { SCOPES } from "./code-allocation.repository";
import {
  contentOf,
  countQueued,
  type EntryRow,
  entryFromRow,
  findEntries,
  listAllTreeHeads,
  listLogAfter,
  listMerkleNodes,
  listReceiptsAfter,
  listSealKeys,
  listUnsequencedEntries,
  readLedgerHead,
} from "./ledger.repository";
import { STORED_LEVEL } from "./merkle-store";
import { derivedColumnProblems, fromRow } from "./register.records";

/** One difference `yulin verify` found, named so an operator can find the row or entry. */
export type VerifyProblem = { check: string; message: string };

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

export type VerifyOptions = {
  /** The configured seal public key: heads signed by another known key are reported. */
  sealPublicKey?: string;
  pageSize?: number;
  /** The clock receipts' deadlines are compared with (default: the system clock). */
  now?: () => number;
  maxProblems?: number;
  onProgress?: (stage: "chain" | "books", done: number) => void;
};

const HIGH = "~";

/**
 * `yulin verify`: checks the hash chain (every hash recomputed, seq gapless), the Merkle tree
 * (stored nodes, the head's compact range, every signed head's root and SM2 signature), then
 * replays every book (宗地) from its entries through the domain's `applyEntry` and compares the
 * rebuilt rows with the projection tables, column by column. Runs in one repeatable-read
 * snapshot; memory stays bounded (books are replayed a page at a time).
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

type Report = (check: string, message: string) => void;

async function verifyChainAndTree(tx: Tx, options: VerifyOptions, report: Report) {
  const pageSize = options.pageSize ?? 5000;
  const heads = await listAllTreeHeads(tx);
  const knownKeys = new Set((await listSealKeys(tx)).map((k) => k.public_key));
  let nextHead = 0;
  const tree = new MerkleAccumulator();
  const computedNodes = new Map<string, string>();
  let expectedIndex = 1;
  let prevHash = GENESIS_HASH;
  let last = 0;

  const checkHeadsUpTo = (size: number) => {
    while (nextHead < heads.length && heads[nextHead]!.tree_size <= size) {
      const h = heads[nextHead++]!;
      if (h.tree_size === size && tree.size === size) {
        const root = tree.root();
        if (root !== h.root_hash)
          report(
            "head.root",
            `签名树根 #${h.tree_size} 的根哈希与登记簿不符 (signed head at size ${h.tree_size}: root ${h.root_hash}, ledger gives ${root})`,
          );
      }
      const signed = {
        treeSize: h.tree_size,
        rootHash: h.root_hash,
        timestamp: h.signed_at.toISOString(),
        signature: h.signature,
      };
      if (!verifyTreeHead(signed, h.public_key))
        report(
          "head.signature",
          `签名树根 #${h.tree_size} 的 SM2 签名无效 (signature of the head at size ${h.tree_size} does not verify)`,
        );
      if (!knownKeys.has(h.public_key))
        report(
          "head.key",
          `签名树根 #${h.tree_size} 由未登记的密钥签署 (head at size ${h.tree_size} is signed by an unknown key)`,
        );
      else if (options.sealPublicKey && h.public_key !== options.sealPublicKey && knownKeys.size === 1)
        report(
          "head.key",
          `签名树根 #${h.tree_size} 不是由当前印章密钥签署 (head at size ${h.tree_size} is not signed by the configured seal key)`,
        );
    }
  };

  for (;;) {
    const rows = await listLogAfter(tx, last, pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = row.log_index;
      if (at !== expectedIndex) {
        report(
          "chain.gap",
          `登记簿条目 #${expectedIndex}${at - expectedIndex > 1 ? `–#${at - 1}` : ""} 缺失 (entry #${expectedIndex}${at - expectedIndex > 1 ? ` to #${at - 1}` : ""} missing: the log index jumps from ${expectedIndex - 1} to ${at})`,
        );
      }
      const name = row.leaf_seq === at ? `#${at}` : `#${at} (id ${row.leaf_seq})`;
      if (row.prev_hash !== prevHash)
        report(
          "chain.prev-hash",
          `条目 ${name} 的 prev_hash 与前一条目的哈希不符 (entry ${name}: prev_hash does not match the previous entry's hash)`,
        );
      if (row.seq === null) {
        report(
          "chain.entry",
          `日志位置 ${name} 的条目内容缺失 (log index ${at}: the entry id ${row.leaf_seq} has no row)`,
        );
      } else {
        const entry = entryFromRow({ ...row, seq: row.seq } as EntryRow);
        let recomputed: string | null = null;
        try {
          recomputed = entryHash(row.prev_hash, contentOf(entry));
        } catch {
          recomputed = null;
        }
        if (recomputed !== row.hash)
          report(
            "chain.hash",
            `条目 ${name} 的内容与其哈希不符，已被改动 (entry ${name} was altered: its hash is ${row.hash}, its content hashes to ${recomputed ?? "nothing (not JSON)"})`,
          );
        if (row.kind !== entry.body.kind)
          report(
            "chain.kind",
            `条目 ${name} 的 kind 列与内容不符 (entry ${name}: kind column ${row.kind}, body ${entry.body.kind})`,
          );
      }
      checkHeadsUpTo(tree.size);
      try {
        for (const node of tree.append(row.hash))
          if (node.level >= STORED_LEVEL) computedNodes.set(`${node.level}:${node.index}`, node.hash);
      } catch {
        report("chain.hash", `条目 ${name} 的哈希格式无效 (entry ${name}: malformed hash)`);
      }
      prevHash = row.hash;
      expectedIndex = at + 1;
      last = at;
    }
    options.onProgress?.("chain", last);
  }
  for (const { seq } of await listUnsequencedEntries(tx, 100))
    report(
      "chain.unsequenced",
      `条目 #${seq} 既未并入日志也不在排序队列中 (entry id ${seq} is neither in the log nor queued for it)`,
    );
  checkHeadsUpTo(tree.size);
  for (const h of heads.slice(nextHead))
    report(
      "head.size",
      `签名树根 #${h.tree_size} 超出登记簿条目数 ${tree.size} (signed head at size ${h.tree_size} is beyond the ${tree.size} entries)`,
    );

  // Stored Merkle nodes: each must be what the entries give, and none may be missing.
  let after = { level: -1, index: -1 };
  let storedCount = 0;
  for (;;) {
    const nodes = await listMerkleNodes(tx, after.level, after.index, 10_000);
    if (nodes.length === 0) break;
    for (const n of nodes) {
      storedCount += 1;
      const expected = computedNodes.get(`${n.level}:${n.idx}`);
      if (expected !== n.hash)
        report(
          "merkle.node",
          `Merkle 节点 ${n.level}:${n.idx} 与登记簿不符 (stored Merkle node level ${n.level} index ${n.idx} ${expected ? "differs" : "is not in the tree"})`,
        );
      after = { level: n.level, index: n.idx };
    }
  }
  if (storedCount < computedNodes.size)
    report(
      "merkle.node",
      `缺少 ${computedNodes.size - storedCount} 个 Merkle 节点 (${computedNodes.size - storedCount} stored Merkle nodes are missing)`,
    );

  const head = await readLedgerHead(tx);
  if (head.size !== tree.size || (head.last_hash ?? GENESIS_HASH) !== prevHash)
    report(
      "ledger.head",
      `登记簿头记录（条目数 ${head.size}）与条目不符 (ledger head says ${head.size} entries ending ${head.last_hash}, the table has ${tree.size} ending ${prevHash})`,
    );
  const frontier = tree.subtreeRoots().map((s) => s.hash);
  if (!isDeepStrictEqual(head.frontier, frontier))
    report(
      "ledger.head",
      "登记簿头记录的 Merkle 紧凑范围与条目不符 (the head's Merkle compact range does not match the entries)",
    );
  return { entries: tree.size, heads: heads.length };
}

/**
 * Every receipt the register handed out was honoured: its signature verifies, each entry it names
 * exists with that content hash, and is in a signed head timestamped within the maximum merge
 * delay of the receipt — or, still queued, the delay has not run out yet.
 */
async function verifyReceipts(tx: Tx, options: VerifyOptions, report: Report) {
  const pageSize = options.pageSize ?? 5000;
  const heads = (await listAllTreeHeads(tx)).map((h) => ({ size: h.tree_size, at: h.signed_at.getTime() }));
  /** Time of the first signed head that includes log index `index`. */
  const includedAt = (index: number): number | undefined => {
    let lo = 0;
    let hi = heads.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (heads[mid]!.size >= index) hi = mid;
      else lo = mid + 1;
    }
    return heads[lo]?.at;
  };
  const verifiedAt = options.now?.() ?? Date.now();
  let count = 0;
  let after = 0;
  for (;;) {
    const page = await listReceiptsAfter(tx, after, Math.max(1, Math.floor(pageSize / 10)));
    if (page.length === 0) break;
    const seqs = page.flatMap((r) => r.entries.map((e) => e.seq));
    const entries = new Map((await findEntries(tx, seqs)).map((e) => [e.seq, e]));
    for (const row of page) {
      count += 1;
      after = row.first_seq;
      const receipt = {
        entries: row.entries,
        timestamp: row.issued_at.toISOString(),
        maxMergeDelayMs: row.max_merge_delay_ms,
        signature: row.signature,
      };
      if (!verifyReceipt(receipt, row.public_key))
        report(
          "receipt.signature",
          `回执 #${row.first_seq} 的 SM2 签名无效 (the receipt for entry #${row.first_seq} does not verify)`,
        );
      const deadline = receiptDeadline(receipt);
      for (const promised of row.entries) {
        const entry = entries.get(promised.seq);
        if (!entry || entryContentHash(contentOf(entry)) !== promised.contentHash) {
          report(
            "receipt.content",
            `回执承诺的条目 #${promised.seq} ${entry ? "内容与回执不符" : "不存在"} (entry #${promised.seq} promised by a receipt ${entry ? "differs from its content hash" : "is missing"})`,
          );
          continue;
        }
        const at = entry.logIndex === null ? undefined : includedAt(entry.logIndex);
        if (at === undefined) {
          if (verifiedAt > deadline)
            report(
              "receipt.overdue",
              `条目 #${promised.seq} 超过最大合并时延仍未并入 (entry #${promised.seq} is still not in a signed head, ${Math.round((verifiedAt - deadline) / 1000)} s past its receipt's deadline)`,
            );
        } else if (at > deadline)
          report(
            "receipt.late",
            `条目 #${promised.seq} 并入晚于回执承诺 (entry #${promised.seq} reached a signed head ${Math.round((at - deadline) / 1000)} s after its receipt's deadline)`,
          );
      }
    }
  }
  return { receipts: count, pending: await countQueued(tx) };
}

type Bounds = { from: string; to: string };

const rangeColumn: Record<RegisterTable, "parcel_code" | "unit_code"> = {
  parcels: "parcel_code",
  buildings: "parcel_code",
  units: "unit_code",
  rights: "unit_code",
  right_holders: "unit_code",
  encumbrances: "unit_code",
};

async function verifyBooks(tx: Tx, options: VerifyOptions, report: Report) {
  const pageSize = options.pageSize ?? 5000;
  let cursor: { parcel: string; seq: number } | null = null;
  let pending: EntryRow[] = [];
  let lowerBound = "";
  let books = 0;
  let rows = 0;
  let entriesDone = 0;
  const usedNumbers = new Map<string, number>();

  const checkGroup = async (group: EntryRow[], bounds: Bounds) => {
    const register = createMemoryRegister();
    let parcel = "";
    for (const row of group) {
      if (row.parcel_code !== parcel) {
        parcel = row.parcel_code;
        books += 1;
      }
      const entry = entryFromRow(row);
      const applied = applyEntry(register, contentOf(entry));
      if (applied.ok) register.commit(applied.value);
      else
        report(
          "replay.entry",
          `条目 #${entry.seq} 重放失败：${applied.error.map((f) => f.message_zh).join("；")} (entry #${entry.seq} does not apply: ${applied.error.map((f) => f.message_en).join("; ")})`,
        );
    }
    rows += await compareTables(tx, register, bounds, report);
    noteNumbers(register, usedNumbers);
    entriesDone += group.length;
    options.onProgress?.("books", entriesDone);
  };

  for (;;) {
    let query = tx
      .selectFrom("register_entries")
      .selectAll()
      .orderBy("parcel_code")
      .orderBy("seq")
      .limit(pageSize);
    if (cursor) {
      const c: { parcel: string; seq: number } = cursor;
      // A row comparison is an index condition on (parcel_code, seq); an OR of the two would be a
      // filter, and every page would scan the index from its start.
      query = query.where((eb) => eb(eb.refTuple("parcel_code", "seq"), ">", eb.tuple(c.parcel, c.seq)));
    }
    const page = await query.execute();
    if (page.length === 0) break;
    const lastRow = page[page.length - 1]!;
    cursor = { parcel: lastRow.parcel_code, seq: lastRow.seq };
    pending.push(...page);
    // Replay whole books only: keep the last (maybe unfinished) book for the next page.
    const tailParcel = lastRow.parcel_code;
    const cut = pending.findIndex((r) => r.parcel_code === tailParcel);
    if (cut > 0 && page.length === pageSize) {
      const group = pending.slice(0, cut);
      pending = pending.slice(cut);
      const upper = group[group.length - 1]!.parcel_code + HIGH;
      await checkGroup(group, { from: lowerBound, to: upper });
      lowerBound = upper;
    }
    if (page.length < pageSize) break;
  }
  await checkGroup(pending, { from: lowerBound, to: HIGH.repeat(30) });
  await compareSequences(tx, usedNumbers, report);
  return { books, rows };
}

/** Compares every projection row whose code falls in the bounds with the replayed records. */
async function compareTables(
  tx: Tx,
  register: MemoryRegister,
  bounds: Bounds,
  report: Report,
): Promise<number> {
  let count = 0;
  for (const table of REGISTER_TABLES) {
    const column = rangeColumn[table];
    // The jurisdiction leads every primary key: bound it too, or the range is a full index scan.
    let query = tx
      .selectFrom(table)
      .selectAll()
      .where(sql.ref(column), ">=", bounds.from)
      .where(sql.ref(column), "<", bounds.to);
    if (/^\d{6}/.test(bounds.from)) query = query.where("jurisdiction", ">=", bounds.from.slice(0, 6));
    if (/^\d{6}/.test(bounds.to)) query = query.where("jurisdiction", "<=", bounds.to.slice(0, 6));
    const dbRows = (await query.execute()) as Array<Record<string, unknown>>;
    const expected = new Map<string, RegisterRecordOf[typeof table]>();
    for (const record of register.records(table)) expected.set(recordKey(table, record as never), record);
    for (const row of dbRows) {
      count += 1;
      const actual = (fromRow[table] as (r: unknown) => RegisterRecordOf[typeof table])(row);
      const key = recordKey(table, actual as never);
      const want = expected.get(key);
      if (!want) {
        report(
          "projection.extra",
          `${table} ${key}：表中有此行，登记簿中没有 (row in ${table} that no ledger entry made)`,
        );
        continue;
      }
      expected.delete(key);
      const differing = Object.keys({ ...want, ...actual }).filter(
        (k) =>
          !isDeepStrictEqual((want as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]),
      );
      differing.push(...derivedColumnProblems(table, row));
      if (differing.length > 0) {
        const detail = differing
          .slice(0, 4)
          .map(
            (k) =>
              `${k}: table ${JSON.stringify((actual as Record<string, unknown>)[k] ?? row[k])}, ledger ${JSON.stringify((want as Record<string, unknown>)[k])}`,
          )
          .join("; ");
        report(
          "projection.differs",
          `${table} ${key}：${differing.join(", ")} 与登记簿不符 (${table} ${key} differs from the ledger: ${detail})`,
        );
      }
    }
    for (const key of expected.keys())
      report(
        "projection.missing",
        `${table} ${key}：登记簿中有，表中缺失 (row of ${table} made by the ledger is missing)`,
      );
  }
  return count;
}

function noteNumbers(register: MemoryRegister, used: Map<string, number>) {
  const note = (scope: string, value: number) => used.set(scope, Math.max(used.get(scope) ?? 0, value));
  for (const p of register.records("parcels"))
    note(`${p.jurisdiction}|${SCOPES.parcel(p.zone, p.subzone, p.feature)}`, Number(p.parcelCode.slice(14)));
  for (const b of register.records("buildings"))
    note(`${b.jurisdiction}|${SCOPES.building(b.parcelCode)}`, Number(b.buildingNo));
  for (const u of register.records("units")) {
    if (u.fixture === "F")
      note(`${u.jurisdiction}|${SCOPES.room(u.parcelCode, u.buildingNo!)}`, Number(u.roomNo));
    if (u.fixture === "L" || u.fixture === "Q")
      note(`${u.jurisdiction}|${SCOPES.fixture(u.parcelCode, u.fixture)}`, Number(u.unitCode.slice(20)));
  }
}

/** Never reused: each code sequence must be past every number the ledger used. */
async function compareSequences(tx: Tx, used: Map<string, number>, report: Report) {
  const rows = await tx.selectFrom("code_sequences").selectAll().execute();
  const next = new Map(rows.map((r) => [`${r.jurisdiction}|${r.scope}`, r.next_value]));
  for (const [scope, value] of used) {
    const n = next.get(scope) ?? 1;
    if (n <= value)
      report(
        "codes.sequence",
        `编号序列 ${scope} 的下一个号 ${n} 不大于已用的 ${value}，代码可能被重复使用 (code sequence ${scope} would hand out ${n} again: ${value} is used)`,
      );
  }
}
