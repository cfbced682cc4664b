/** Right entries: a right recorded (with its holders), ended, or given a new certificate number. */
import { err, type Finding, ok, type Result } from "../result";
import { type Applied, currentUnit, fail } from "./apply-common";
import { checkRightFacts, registerFinding } from "./facts";
import type { EntryContent, HolderFacts, Mutation, RightFacts, RightRecord } from "./register.types";
import type { RegisterView } from "./register-state";

export function createRight(
  view: RegisterView,
  entry: EntryContent,
  right: RightFacts,
  holders: HolderFacts[],
  ends: number[],
  status: "current" | "historic",
  endReason: string | null,
): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const findings = checkRightFacts(right, holders);
  if (findings.length > 0) return err(findings);
  const existing = view.rightsOf(unit.value.unitCode);
  const mutations: Mutation[] = [];
  for (const seq of ends) {
    const old = existing.find((r) => r.seq === seq);
    if (old?.status !== "current")
      return fail(
        "REGISTER.RIGHT_NOT_FOUND",
        `要注销的权利 #${seq} 不是现势权利`,
        `Right #${seq} is not current`,
        "R5",
      );
    mutations.push({
      table: "rights",
      op: "update",
      record: { ...old, status: "historic", endedSeq: entry.seq, endReason: right.source },
    });
  }
  const stillCurrent = existing.filter((r) => r.status === "current" && !ends.includes(r.seq));
  if (status === "current" && stillCurrent.length > 0)
    return fail(
      "REGISTER.RIGHT_EXISTS",
      "该单元已有现势权利，转移登记须同时注销原权利",
      "The unit already has a current right: a transfer must end it",
      "R5",
    );
  const base = { jurisdiction: entry.jurisdiction, unitCode: unit.value.unitCode };
  mutations.push({
    table: "rights",
    op: "insert",
    record: {
      ...right,
      ...base,
      seq: entry.seq,
      registeredAt: entry.at,
      status,
      endedSeq: status === "historic" ? entry.seq : null,
      endReason: status === "historic" ? (endReason ?? "数据整合") : null,
    },
  });
  holders.forEach((h, i) => {
    mutations.push({
      table: "right_holders",
      op: "insert",
      record: { ...h, ...base, rightSeq: entry.seq, ordinal: i + 1 },
    });
  });
  return ok(mutations);
}

/** The current right `rightSeq` of the entry's unit. */
function currentRight(
  view: RegisterView,
  entry: EntryContent,
  rightSeq: number,
): Result<RightRecord, Finding[]> {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const right = view.rightsOf(unit.value.unitCode).find((r) => r.seq === rightSeq);
  if (right?.status !== "current")
    return err([
      registerFinding(
        "REGISTER.RIGHT_NOT_FOUND",
        `权利 #${rightSeq} 不是现势权利`,
        `Right #${rightSeq} is not current`,
        "R5",
      ),
    ]);
  return ok(right);
}

export function endRight(view: RegisterView, entry: EntryContent, rightSeq: number, reason: string): Applied {
  const current = currentRight(view, entry, rightSeq);
  if (!current.ok) return current;
  const right = current.value;
  return ok([
    {
      table: "rights",
      op: "update",
      record: { ...right, status: "historic", endedSeq: entry.seq, endReason: reason },
    },
  ]);
}

/** 补发/换发: the current right keeps its identity and holders; only its certificate number changes. */
export function recordCertificate(
  view: RegisterView,
  entry: EntryContent,
  rightSeq: number,
  certificateNo: string,
  replaces: string | null,
): Applied {
  const current = currentRight(view, entry, rightSeq);
  if (!current.ok) return current;
  const right = current.value;
  if (
    typeof certificateNo !== "string" ||
    certificateNo.trim() === "" ||
    certificateNo === right.certificateNo
  )
    return fail(
      "REGISTER.ENTRY",
      "补发或换发须记载新的证书号",
      "A replacement records a new certificate number",
      "R26",
    );
  // The entry names the number it replaces; a stale one means it was written against another state.
  if ((replaces ?? null) !== right.certificateNo)
    return fail(
      "REGISTER.ENTRY",
      `原证书号 ${replaces ?? "（无）"} 与登记簿记载 ${right.certificateNo ?? "（无）"} 不一致`,
      `The replaced number ${replaces ?? "(none)"} is not the register's ${right.certificateNo ?? "(none)"}`,
      "R26",
    );
  return ok([{ table: "rights", op: "update", record: { ...right, certificateNo } }]);
}
