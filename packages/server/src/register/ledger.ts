import {
  applyEntry,
  boundingBox,
  type EntryContent,
  type EntryDraft,
  entryContentHash,
  type Finding,
  type LedgerReceipt,
  type ParcelFacts,
  type ParcelRecord,
  parcelsConflict,
  registerFinding,
  signReceipt,
  verticalBounds,
} from "@yulin/domain";
import type { CopyRows } from "../platform/db/bulk";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  advisoryXactLock,
  allocateEntryIds,
  contentOf,
  enqueueLeaves,
  insertEntries,
  insertReceipt,
} from "./ledger.repository";
import { findParcelCandidates, loadSlice, type SliceScope, writeMutations } from "./projection.repository";

export type AppendOptions = {
  now: Date;
  /** Bulk import: leave out entries that do not apply and report them, instead of refusing all. */
  skipInvalid?: boolean;
  /** Issue and store a signed receipt (default true; the bulk import has no one to hand it to). */
  receipt?: boolean;
  /** Bulk import: write entries and new projection rows with COPY on the caller's connection. */
  copy?: CopyRows;
  /**
   * Bulk import: the caller integrates the entries into the log itself, in the same transaction
   * (`sealEntries`), instead of queueing them for the sequencer.
   */
  sealedByCaller?: boolean;
  /** The rows the entries are checked against, read earlier in this transaction (`readForAppend`). */
  read?: AppendRead;
};

/**
 * What `appendEntries` reads before it writes, read ahead by a caller that must keep the end of
 * its transaction short: the registering transaction reads it before it takes the certificate
 * number, whose series row stays locked to the commit (docs/register.md, "What stays serial").
 * Valid for drafts of the same scope (the same parcels, units, rights and restrictions), in the
 * transaction that read it, once.
 */
export type AppendRead = { key: string; view: Awaited<ReturnType<typeof loadSlice>>; used: boolean };

const scopeKey = (scope: SliceScope): string =>
  JSON.stringify(Object.entries(scope).map(([k, v]) => [k, [...v].sort()]));

export async function readForAppend(tx: Tx, drafts: readonly EntryDraft[]): Promise<AppendRead> {
  if (drafts.some((d) => parcelFactsOf(d)?.geometry)) await advisoryXactLock(tx, PARCEL_GEOMETRY_LOCK, true);
  const scope = scopeOf(drafts);
  return { key: scopeKey(scope), view: await loadSlice(tx, scope), used: false };
}

function viewFor(tx: Tx, drafts: readonly EntryDraft[], read: AppendRead | undefined) {
  if (!read) return readForAppend(tx, drafts).then((r) => r.view);
  if (read.used || read.key !== scopeKey(scopeOf(drafts)))
    throw new Error("appendEntries: the read-ahead was used, or is of other rows than these entries read");
  read.used = true;
  return read.view;
}

/** An appended entry: its id (`seq`, what projections reference) and its content hash. */
export type AppendedEntry = EntryContent & { contentHash: string };

export type AppendResult = {
  entries: AppendedEntry[];
  rejected: Array<{ index: number; findings: Finding[] }>;
  /** The signed promise to integrate the entries within the maximum merge delay. */
  receipt?: LedgerReceipt;
};

/**
 * Who signs receipts: the register's seal key and clock, one per process, set when the register
 * module is created (`useReceiptIssuer`). `appendEntries` is called from several capabilities
 * with a fixed signature, so the issuer is not threaded through each of them.
 */
export type ReceiptIssuer = {
  privateKey: string;
  publicKey: string;
  now: () => Date;
  maxMergeDelayMs: number;
};
let issuer: ReceiptIssuer | undefined;
export function useReceiptIssuer(next: ReceiptIssuer | undefined): void {
  issuer = next;
}

/** Parcel creations with a footprint wait for each other: the overlap check reads other parcels. */
const PARCEL_GEOMETRY_LOCK = 0x59_4c_00_02;

const parcelFactsOf = (draft: EntryDraft): ParcelFacts | undefined => {
  const b = draft.body;
  if (b.kind === "parcel.create") return b.parcel;
  if (b.kind === "migrated" && b.record === "parcel") return b.parcel;
  return undefined;
};

/** The rows the entries read (see `SliceScope`). */
function scopeOf(drafts: readonly EntryDraft[]): SliceScope {
  const scope: SliceScope = {
    parcels: new Set(),
    units: new Set(),
    rightsOf: new Set(),
    encumbrancesOf: new Set(),
  };
  for (const d of drafts) {
    scope.parcels.add(d.parcel);
    if (!d.unit) continue;
    scope.units.add(d.unit);
    const b = d.body;
    // What the entry is about: `right`, `parcel`, `building`, `unit`, or a restriction kind.
    const about = b.kind === "migrated" ? b.record : b.kind.slice(0, b.kind.indexOf("."));
    if (about === "right") scope.rightsOf.add(d.unit);
    else if (about !== "parcel" && about !== "building" && about !== "unit") scope.encumbrancesOf.add(d.unit);
  }
  return scope;
}

/**
 * THE way to change the register: appends entries to the ledger and applies each to the
 * projections, in the caller's transaction, and queues them for the sequencer
 * (`ledger-sequencer.ts`), which gives them their log index, chain hash and Merkle leaf in a
 * batch after the commit. No global lock: the caller has locked the units it changes (in code
 * order); entry ids come from a sequence after the reads, so an entry that depends on another
 * always has the larger id, and for any one unit id order is commit order. Refuses (AppError)
 * when an entry breaks a rule, unless `skipInvalid`. Returns a signed receipt for the entries.
 */
export async function appendEntries(
  tx: Tx,
  drafts: readonly EntryDraft[],
  options: AppendOptions,
): Promise<AppendResult> {
  if (drafts.length === 0) return { entries: [], rejected: [] };
  const view = await viewFor(tx, drafts, options.read);
  // Ids after the reads: whatever this transaction saw committed has a smaller id.
  const ids = await allocateEntryIds(tx, drafts.length);
  const at = options.now.toISOString();
  const entries: AppendedEntry[] = [];
  const rejected: AppendResult["rejected"] = [];
  const mutations = [];
  const newParcels: ParcelRecord[] = [];

  for (const [index, draft] of drafts.entries()) {
    const content: EntryContent = {
      seq: ids[index]!,
      jurisdiction: draft.parcel.slice(0, 6),
      parcel: draft.parcel,
      unit: draft.unit,
      at,
      body: draft.body,
    };
    const facts = parcelFactsOf(draft);
    const overlap = facts ? await overlapFindings(tx, draft.parcel, facts, newParcels) : [];
    const applied = overlap.length > 0 ? { ok: false as const, error: overlap } : applyEntry(view, content);
    if (!applied.ok) {
      if (options.skipInvalid) {
        rejected.push({ index, findings: applied.error });
        continue;
      }
      const code = applied.error.some((f) => f.code === "REGISTER.PARCEL_OVERLAP")
        ? "REGISTER.PARCEL_OVERLAP"
        : "REGISTER.RULE_VIOLATION";
      throw new AppError(code, { index, findings: applied.error });
    }
    view.commit(applied.value);
    mutations.push(...applied.value);
    for (const m of applied.value) if (m.table === "parcels") newParcels.push(m.record);
    entries.push({ ...content, contentHash: entryContentHash(contentOf(content)) });
  }

  await insertEntries(tx, entries, options.copy);
  await writeMutations(tx, mutations, options.copy);
  if (!options.sealedByCaller)
    await enqueueLeaves(
      tx,
      entries.map((e) => e.seq),
    );
  let receipt: LedgerReceipt | undefined;
  if (issuer && entries.length > 0 && options.receipt !== false) {
    receipt = signReceipt(
      {
        entries: entries.map((e) => ({ seq: e.seq, contentHash: e.contentHash })),
        timestamp: issuer.now().toISOString(),
        maxMergeDelayMs: issuer.maxMergeDelayMs,
      },
      issuer.privateKey,
    );
    await insertReceipt(tx, receipt, issuer.publicKey);
  }
  return { entries, rejected, ...(receipt ? { receipt } : {}) };
}

/**
 * No two current parcels may overlap at the same vertical range: a footprint may be shared only
 * by layers (地上/地表/地下) whose ranges are disjoint. Candidates come from the GiST index on the
 * bounding boxes and from parcels earlier in the same append; the exact test is the domain's.
 */
async function overlapFindings(
  tx: Tx,
  parcelCode: string,
  facts: ParcelFacts,
  earlier: readonly ParcelRecord[],
): Promise<Finding[]> {
  if (!facts.geometry) return [];
  let box: ReturnType<typeof boundingBox>;
  try {
    box = boundingBox(facts.geometry);
  } catch {
    return []; // malformed geometry: applyEntry reports it
  }
  if (![box.minX, box.minY, box.maxX, box.maxY].every(Number.isFinite)) return [];
  const [lo, hi] = verticalBounds(facts.vertical);
  const candidates = [
    ...(await findParcelCandidates(tx, box, {
      lo: Number.isFinite(lo) ? lo : null,
      hi: Number.isFinite(hi) ? hi : null,
    })),
    ...earlier,
  ];
  const hit = candidates.find(
    (c) => c.parcelCode !== parcelCode && c.status === "current" && parcelsConflict(c, facts),
  );
  if (!hit) return [];
  return [
    registerFinding(
      "REGISTER.PARCEL_OVERLAP",
      `宗地与现有宗地 ${hit.parcelCode} 在同一竖向范围内重叠（同一投影范围只能分层设立、竖向范围不得重叠）`,
      `The parcel overlaps parcel ${hit.parcelCode} at the same vertical range (a footprint may be shared only by layers whose ranges do not overlap)`,
    ),
  ];
}
