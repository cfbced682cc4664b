import fs from "node:fs";
import path from "node:path";
import {
  can,
  generateSealKeyPair,
  leafHash,
  publicKeyToPem,
  type SignedTreeHead,
  sm2PublicKeyOf,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  findEntry,
  findTreeHead,
  firstTreeHeadCovering,
  latestTreeHead,
  listTreeHeads,
  readLedgerHead,
} from "./ledger.repository";
import { storeSignedHead } from "./ledger-sequencer";
import { buildConsistencyProof, buildInclusionProof, restoreTree } from "./merkle-store";

export type SealKey = { privateKey: string; publicKey: string };

/**
 * The register's seal key (登记簿印章密钥): YULIN_SEAL_PRIVATE_KEY in production; the embedded
 * default generates `keys/seal.key` (mode 0600) under the data directory on first start.
 */
export function loadOrCreateSealKey(configured: string | undefined, dataDir: string): SealKey {
  if (configured) return { privateKey: configured, publicKey: sm2PublicKeyOf(configured) };
  const file = path.join(dataDir, "keys", "seal.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${generateSealKeyPair().privateKey}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const privateKey = fs.readFileSync(file, "utf8").trim();
  return { privateKey, publicKey: sm2PublicKeyOf(privateKey) };
}

type HeadRow = NonNullable<Awaited<ReturnType<typeof latestTreeHead>>>;

export const presentHead = (h: HeadRow) => ({
  treeSize: h.tree_size,
  rootHash: h.root_hash,
  timestamp: h.signed_at.toISOString(),
  signature: h.signature,
  publicKey: h.public_key,
});
export type PresentedHead = ReturnType<typeof presentHead> & SignedTreeHead;

/** How long a proof request waits for a queued entry to be integrated before answering "pending". */
const PROOF_WAIT_MS = 2000;

export type LedgerDeps = {
  db: Database;
  seal: SealKey;
  now: () => Date;
  /** Integrates every committed entry now (the sequencer's `flush`), waiting at most `timeoutMs`. */
  flush: (timeoutMs?: number) => Promise<void>;
};

/** Signed tree heads, inclusion and consistency proofs: what lets anyone check the register offline. */
export function createLedgerService({ db, seal, now, flush }: LedgerDeps) {
  /**
   * Integrates the queued entries (the sequencer signs a head per batch), then returns the head
   * covering every entry, signing it if none does yet (an empty ledger).
   */
  async function signCurrentHead(): Promise<PresentedHead> {
    await flush();
    return inTransaction(db, async (tx) => {
      const head = await readLedgerHead(tx);
      const latest = await latestTreeHead(tx);
      // Another process's sequencer may have signed a larger head since: it covers every entry too.
      if (latest && latest.tree_size >= head.size) return presentHead(latest);
      const tree = restoreTree(head.frontier, head.size);
      await storeSignedHead(tx, seal, {
        treeSize: head.size,
        rootHash: tree.root(),
        timestamp: now().toISOString(),
      });
      const stored = await findTreeHead(tx, head.size);
      return presentHead(stored!);
    });
  }

  /** On demand (API): staff allowed to seal in any of their jurisdictions. */
  async function signHead(ctx: RequestContext) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const allowed = actor.roles.some((r) =>
      can(actor, "register.sign-head", { jurisdiction: r.jurisdiction }),
    );
    if (!allowed) {
      await writeAudit(db, ctx, { action: "register.head.sign", outcome: "denied" });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const head = await signCurrentHead();
    await writeAudit(db, ctx, {
      action: "register.head.sign",
      outcome: "success",
      targetType: "tree-head",
      targetId: String(head.treeSize),
    });
    return head;
  }

  async function latestHead() {
    const head = await latestTreeHead(db);
    if (!head) throw new AppError("REGISTER.NO_SIGNED_HEAD");
    return presentHead(head);
  }

  async function recentHeads(limit = 50) {
    return (await listTreeHeads(db, limit)).map(presentHead);
  }

  /** A signed head at `treeSize`, or the latest; a head covering `atLeast` entries is signed if needed. */
  async function headFor(treeSize: number | undefined, atLeast: number) {
    if (treeSize !== undefined) {
      const head = await findTreeHead(db, treeSize);
      if (!head || head.tree_size < atLeast) throw new AppError("REGISTER.TREE_SIZE", { treeSize });
      return presentHead(head);
    }
    const latest = await latestTreeHead(db);
    if (latest && latest.tree_size >= atLeast) return presentHead(latest);
    const covering = await firstTreeHeadCovering(db, atLeast);
    return covering ? presentHead(covering) : signCurrentHead();
  }

  /**
   * Inclusion proof of entry `seq` (its id) against a signed head (the given size or the latest):
   * the domain's `verifyInclusion({leafHash: entryHash, index, treeSize, proof, root})` checks it
   * offline, where `index = logIndex − 1`. The entry's content is not disclosed, only its hash. An
   * entry still queued is integrated first; if the sequencer cannot be reached in time the answer
   * is REGISTER.ENTRY_PENDING (retry within the maximum merge delay).
   */
  async function inclusionProof(seq: number, treeSize?: number) {
    let entry = await findEntry(db, seq);
    if (!entry) throw new AppError("REGISTER.ENTRY_NOT_FOUND");
    if (entry.logIndex === null) {
      // A proof request waits briefly: the sequencer of another process may be mid-batch.
      await flush(PROOF_WAIT_MS).catch(() => undefined);
      entry = await findEntry(db, seq);
    }
    const logIndex = entry?.logIndex ?? null;
    if (!entry || logIndex === null) throw new AppError("REGISTER.ENTRY_PENDING", { seq });
    const head = await headFor(treeSize, logIndex);
    return {
      seq,
      logIndex,
      index: logIndex - 1,
      entryHash: entry.hash,
      leafHash: leafHash(entry.hash),
      treeSize: head.treeSize,
      proof: await buildInclusionProof(db, logIndex - 1, head.treeSize),
      head,
    };
  }

  /** Consistency proof between two signed heads: the later one only appended to the earlier. */
  async function consistencyProof(oldSize: number, newSize?: number) {
    const older = await findTreeHead(db, oldSize);
    if (!older && oldSize !== 0) throw new AppError("REGISTER.TREE_SIZE", { treeSize: oldSize });
    const newer = await headFor(newSize, oldSize);
    if (newer.treeSize < oldSize) throw new AppError("REGISTER.TREE_SIZE", { treeSize: newSize });
    return {
      oldSize,
      newSize: newer.treeSize,
      oldHead: older ? presentHead(older) : null,
      newHead: newer,
      proof: await buildConsistencyProof(db, oldSize, newer.treeSize),
    };
  }

  /** An entry's content, for staff of its jurisdiction (it may name holders). */
  async function readEntry(ctx: RequestContext, seq: number) {
    const entry = await findEntry(db, seq);
    const actor = ctx.actor;
    if (!entry || !actor || !can(actor, "register.read", { jurisdiction: entry.jurisdiction })) {
      await writeAudit(db, ctx, {
        action: "register.entry.read",
        outcome: "denied",
        targetType: "entry",
        targetId: String(seq),
      });
      throw new AppError("REGISTER.ENTRY_NOT_FOUND");
    }
    await writeAudit(db, ctx, {
      action: "register.entry.read",
      outcome: "success",
      targetType: "entry",
      targetId: String(seq),
      jurisdiction: entry.jurisdiction,
    });
    return entry;
  }

  const sealKey = () => ({ publicKey: seal.publicKey, pem: publicKeyToPem(seal.publicKey) });

  return {
    signCurrentHead,
    signHead,
    latestHead,
    recentHeads,
    inclusionProof,
    consistencyProof,
    readEntry,
    sealKey,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
