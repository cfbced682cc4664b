import { isDeepStrictEqual } from "node:util";
import {
  entryContentHash,
  entryHash,
  GENESIS_HASH,
  MerkleAccumulator,
  receiptDeadline,
  verifyReceipt,
  verifyTreeHead,
} from "@yulin/domain";
import type { Tx } from "../platform/db/database";
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
import { keysetPages, type Report, type VerifyStageOptions as VerifyOptions } from "./verify-pages";

/** The hash chain, the Merkle tree (stored nodes, the head's compact range) and every signed head. */
export async function verifyChainAndTree(tx: Tx, options: VerifyOptions, report: Report) {
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

  type LogRow = Awaited<ReturnType<typeof listLogAfter>>[number];
  for await (const rows of keysetPages<LogRow, number>(
    0,
    (after) => listLogAfter(tx, after, pageSize),
    (r) => r.log_index,
    pageSize,
  )) {
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
export async function verifyReceipts(tx: Tx, options: VerifyOptions, report: Report) {
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
