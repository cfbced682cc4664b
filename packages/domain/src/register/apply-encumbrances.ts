/** Restriction entries (抵押, 预告, 查封, 异议, 居住权, 地役权): recorded, cancelled, changed in place. */
import { err, ok } from "../result";
import { type Applied, currentUnit, fail } from "./apply-common";
import { checkEncumbranceFacts } from "./facts";
import type {
  EncumbranceChanges,
  EncumbranceFacts,
  EncumbranceKind,
  EncumbranceRecord,
  EntryBody,
  EntryContent,
  Mutation,
} from "./register.types";
import type { RegisterView } from "./register-state";

/** The entries about a restriction: `${EncumbranceKind}.${verb}`. */
export type EncumbranceEntry = Extract<EntryBody, { kind: `${EncumbranceKind}.${string}` }>;

type VerbOf<K> = K extends `${EncumbranceKind}.${infer V}` ? V : never;
type EncumbranceVerb = VerbOf<EncumbranceEntry["kind"]>;

/**
 * The kind names the restriction, the verb what happens to it. A ledger row read back may hold a
 * kind or shape this code does not know: that is a finding, not a crash.
 */
export function applyEncumbranceEntry(
  view: RegisterView,
  entry: EntryContent,
  body: EncumbranceEntry,
): Applied {
  const [kind, verb] = body.kind.split(".") as [EncumbranceKind, EncumbranceVerb];
  switch (verb) {
    case "create":
      if (!("encumbrance" in body)) break;
      if (body.encumbrance.kind !== kind)
        return fail(
          "REGISTER.ENTRY",
          "条目类型与限制类型不一致",
          "The entry kind does not match the restriction",
        );
      return createEncumbrance(view, entry, body.encumbrance, "effective", null, null);
    case "cancel":
      if (!("encumbranceSeq" in body)) break;
      return cancelEncumbrance(view, entry, kind, body.encumbranceSeq, body.reason);
    case "update":
      if (!("changes" in body)) break;
      return updateEncumbrance(view, entry, kind, body.encumbranceSeq, body.changes);
    default:
      // A new verb fails to compile here until it is handled; an unknown one read back is refused below.
      verb satisfies never;
  }
  return fail("REGISTER.ENTRY", `未知的登记簿条目类型 ${body.kind}`, `Unknown entry kind ${body.kind}`);
}

export function createEncumbrance(
  view: RegisterView,
  entry: EntryContent,
  facts: EncumbranceFacts,
  status: "effective" | "historic",
  migratedRank: number | null,
  endReason: string | null,
): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const findings = checkEncumbranceFacts(facts);
  if (findings.length > 0) return err(findings);
  const live = view
    .encumbrancesOf(unit.value.unitCode)
    .filter((e) => e.kind === facts.kind && e.status !== "historic");
  let rank: number | null = null;
  let state: EncumbranceRecord["status"] = status;
  if (facts.kind === "mortgage") {
    // R14: mortgages rank by registration; the rank is fixed when recorded.
    rank = migratedRank ?? live.length + 1;
  } else if (facts.kind === "seizure") {
    // R8: a seizure on a seized unit waits, in order of delivery.
    rank = migratedRank ?? Math.max(0, ...live.map((e) => e.rank ?? 0)) + 1;
    if (status === "effective" && live.some((e) => e.status === "effective")) state = "waiting";
  }
  const { holder, ...rest } = facts;
  return ok([
    {
      table: "encumbrances",
      op: "insert",
      record: {
        ...rest,
        jurisdiction: entry.jurisdiction,
        unitCode: unit.value.unitCode,
        seq: entry.seq,
        holderName: holder.name,
        holderType: holder.holderType,
        holderIdType: holder.idType,
        holderIdEnc: holder.idNumberEnc,
        holderIdHash: holder.idNumberHash,
        holderIdMasked: holder.idNumberMasked,
        status: state,
        rank,
        registeredAt: entry.at,
        updatedSeq: entry.seq,
        endedSeq: state === "historic" ? entry.seq : null,
        endReason: state === "historic" ? (endReason ?? "数据整合") : null,
      },
    },
  ]);
}

function cancelEncumbrance(
  view: RegisterView,
  entry: EntryContent,
  kind: EncumbranceKind,
  seq: number,
  reason: string,
): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const all = view.encumbrancesOf(unit.value.unitCode);
  const target = all.find((e) => e.seq === seq);
  if (!target || target.kind !== kind || target.status === "historic")
    return fail(
      "REGISTER.ENCUMBRANCE_NOT_FOUND",
      `限制 #${seq} 不存在或已注销`,
      `Restriction #${seq} does not exist or has ended`,
    );
  const mutations: Mutation[] = [
    {
      table: "encumbrances",
      op: "update",
      record: {
        ...target,
        status: "historic",
        updatedSeq: entry.seq,
        endedSeq: entry.seq,
        endReason: reason,
      },
    },
  ];
  if (kind === "seizure" && target.status === "effective") {
    // R8: the first waiting seizure becomes effective the moment the effective one is released.
    const next = all
      .filter((e) => e.kind === "seizure" && e.status === "waiting")
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.seq - b.seq)[0];
    if (next)
      mutations.push({
        table: "encumbrances",
        op: "update",
        record: { ...next, status: "effective", updatedSeq: entry.seq },
      });
  }
  return ok(mutations);
}

/**
 * A live restriction changed in place (rank and identity kept). Only a waiting seizure may change
 * status, to effective, and only when no other seizure of the unit is effective (R8).
 */
function updateEncumbrance(
  view: RegisterView,
  entry: EntryContent,
  kind: EncumbranceKind,
  seq: number,
  changes: EncumbranceChanges,
): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const all = view.encumbrancesOf(unit.value.unitCode);
  const target = all.find((e) => e.seq === seq);
  if (!target || target.kind !== kind || target.status === "historic")
    return fail(
      "REGISTER.ENCUMBRANCE_NOT_FOUND",
      `限制 #${seq} 不存在或已注销`,
      `Restriction #${seq} does not exist or has ended`,
    );
  let status = target.status;
  if (changes.status === "effective" && target.status !== "effective") {
    if (kind !== "seizure" || all.some((e) => e.kind === "seizure" && e.status === "effective"))
      return fail(
        "REGISTER.ENTRY",
        "只有在无有效查封时轮候查封才能转为查封",
        "A waiting seizure takes effect only when no seizure is effective",
        "R8",
      );
    status = "effective";
  }
  const holder = changes.holder;
  const next: EncumbranceRecord = {
    ...target,
    ...(changes.obligorName !== undefined ? { obligorName: changes.obligorName } : {}),
    ...(changes.documentNo !== undefined ? { documentNo: changes.documentNo } : {}),
    ...(changes.startsOn !== undefined ? { startsOn: changes.startsOn } : {}),
    ...(changes.endsOn !== undefined ? { endsOn: changes.endsOn } : {}),
    ...(changes.amount !== undefined ? { amount: changes.amount } : {}),
    ...(holder
      ? {
          holderName: holder.name,
          holderType: holder.holderType,
          holderIdType: holder.idType,
          holderIdEnc: holder.idNumberEnc,
          holderIdHash: holder.idNumberHash,
          holderIdMasked: holder.idNumberMasked,
        }
      : {}),
    particulars: { ...target.particulars, ...changes.particulars },
    status,
    updatedSeq: entry.seq,
  };
  const findings = checkEncumbranceFacts({
    kind,
    holder: {
      name: next.holderName,
      holderType: next.holderType,
      idType: next.holderIdType,
      idNumberEnc: next.holderIdEnc,
      idNumberHash: next.holderIdHash,
      idNumberMasked: next.holderIdMasked,
    },
    obligorName: next.obligorName,
    documentNo: next.documentNo,
    startsOn: next.startsOn,
    endsOn: next.endsOn,
    amount: next.amount,
    relatedUnitCode: next.relatedUnitCode,
    particulars: next.particulars,
  });
  if (findings.length > 0) return err(findings);
  return ok([{ table: "encumbrances", op: "update", record: next }]);
}
