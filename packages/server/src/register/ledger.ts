import {
  applyEntry,
  boundingBox,
  type EntryContent,
  type EntryDraft,
  entryHash,
  type Finding,
  GENESIS_HASH,
  type LedgerEntry,
  type ParcelFacts,
  type ParcelRecord,
  parcelsConflict,
  registerFinding,
  verticalBounds,
} from "@yulin/domain";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  contentOf,
  insertEntries,
  insertMerkleNodes,
  lockLedgerHead,
  updateLedgerHead,
} from "./ledger.repository";
import { appendLeaf, frontierOf, restoreTree } from "./merkle-store";
import { findParcelCandidates, loadSlice, type SliceScope, writeMutations } from "./projection.repository";

export type AppendOptions = {
  now: Date;
  /** Bulk import: leave out entries that do not apply and report them, instead of refusing all. */
  skipInvalid?: boolean;
};

export type AppendResult = {
  entries: LedgerEntry[];
  rejected: Array<{ index: number; findings: Finding[] }>;
};

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
 * projections, in the caller's transaction. Holds the ledger head lock until that transaction
 * ends, so entries are gapless, hash-chained in order, and every projection row is the result of
 * the entries before it. Refuses (AppError) when an entry breaks a rule, unless `skipInvalid`.
 */
export async function appendEntries(
  tx: Tx,
  drafts: readonly EntryDraft[],
  options: AppendOptions,
): Promise<AppendResult> {
  const head = await lockLedgerHead(tx);
  if (drafts.length === 0) return { entries: [], rejected: [] };
  const view = await loadSlice(tx, scopeOf(drafts));
  const tree = restoreTree(head.frontier, head.size);
  const at = options.now.toISOString();
  let size = head.size;
  let prevHash = head.last_hash ?? GENESIS_HASH;
  const entries: LedgerEntry[] = [];
  const rejected: AppendResult["rejected"] = [];
  const mutations = [];
  const nodes = [];
  const newParcels: ParcelRecord[] = [];

  for (const [index, draft] of drafts.entries()) {
    const content: EntryContent = {
      seq: size + 1,
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
    const hash = entryHash(prevHash, contentOf({ ...content, prevHash, hash: "" }));
    entries.push({ ...content, prevHash, hash });
    nodes.push(...appendLeaf(tree, hash));
    prevHash = hash;
    size += 1;
  }

  await insertEntries(tx, entries);
  await writeMutations(tx, mutations);
  await insertMerkleNodes(tx, nodes);
  if (entries.length > 0)
    await updateLedgerHead(tx, { size, lastHash: prevHash, frontier: frontierOf(tree) });
  return { entries, rejected };
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
