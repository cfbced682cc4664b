/**
 * Projection apply: what one ledger entry does to the register's rows. The server calls it when it
 * appends (and writes the mutations in the same transaction); `yulin verify` calls it to rebuild
 * the projections from the ledger. Only rows of the entry's own book (宗地) are read or written.
 */
import { parseUnitCode } from "../identifiers/unit-code";
import { err, type Finding, ok, type Result } from "../result";
import {
  checkBuildingFacts,
  checkEncumbranceFacts,
  checkParcelFacts,
  checkRightFacts,
  checkUnitFacts,
  registerFinding,
} from "./facts";
import type {
  EncumbranceChanges,
  EncumbranceFacts,
  EncumbranceKind,
  EncumbranceRecord,
  EntryContent,
  HolderFacts,
  Mutation,
  ParcelFacts,
  RightFacts,
  RightRecord,
  UnitFacts,
  UnitRecord,
} from "./register.types";
import type { RegisterView } from "./register-state";

type Applied = Result<Mutation[], Finding[]>;

export const landUnitCode = (parcelCode: string): string => `${parcelCode}W00000000`;

const fail = (code: string, zh: string, en: string, basis?: string): Applied =>
  err([registerFinding(code, zh, en, basis)]);

export function applyEntry(view: RegisterView, entry: EntryContent): Applied {
  const body = entry.body;
  if (body.kind === "migrated") {
    switch (body.record) {
      case "parcel":
        return createParcel(view, entry, body.parcel);
      case "building":
        return createBuilding(view, entry, body.buildingNo, body.building);
      case "unit":
        return createUnit(view, entry, body.unit);
      case "right":
        return createRight(view, entry, body.right, body.holders, [], body.status, body.endReason);
      case "encumbrance":
        return createEncumbrance(view, entry, body.encumbrance, body.status, body.rank, body.endReason);
    }
  }
  switch (body.kind) {
    case "parcel.create":
      return createParcel(view, entry, body.parcel);
    case "building.create":
      return createBuilding(view, entry, body.buildingNo, body.building);
    case "unit.create":
      return createUnit(view, entry, body.unit);
    case "unit.update":
      return updateUnit(view, entry, body.changes);
    case "right.create":
      return createRight(view, entry, body.right, body.holders, body.ends, "current", null);
    case "right.end":
      return endRight(view, entry, body.rightSeq, body.reason);
    case "right.certificate":
      return recordCertificate(view, entry, body.rightSeq, body.certificateNo, body.replaces);
  }
  const [kind, verb] = body.kind.split(".") as [EncumbranceKind, string];
  if (verb === "create" && "encumbrance" in body) {
    if (body.encumbrance.kind !== kind)
      return fail(
        "REGISTER.ENTRY",
        "条目类型与限制类型不一致",
        "The entry kind does not match the restriction",
      );
    return createEncumbrance(view, entry, body.encumbrance, "effective", null, null);
  }
  if (verb === "cancel" && "encumbranceSeq" in body)
    return cancelEncumbrance(view, entry, kind, body.encumbranceSeq, body.reason);
  if (verb === "update" && "changes" in body)
    return updateEncumbrance(view, entry, kind, body.encumbranceSeq, body.changes);
  return fail("REGISTER.ENTRY", `未知的登记簿条目类型 ${body.kind}`, `Unknown entry kind ${body.kind}`);
}

function createParcel(view: RegisterView, entry: EntryContent, facts: ParcelFacts): Applied {
  const parsed = parseUnitCode(landUnitCode(entry.parcel));
  if (!parsed.ok) return err(parsed.error);
  const code = parsed.value;
  if (code.county !== entry.jurisdiction)
    return fail(
      "REGISTER.JURISDICTION",
      "宗地代码不属于该登记机构",
      "The parcel code is not in this jurisdiction",
    );
  const findings = checkParcelFacts(code.useRight, facts);
  if (findings.length > 0) return err(findings);
  if (view.parcel(entry.parcel))
    return fail(
      "REGISTER.PARCEL_EXISTS",
      `宗地 ${entry.parcel} 已存在`,
      `Parcel ${entry.parcel} already exists`,
    );
  const seqs = { createdSeq: entry.seq, updatedSeq: entry.seq };
  const land: UnitRecord = {
    jurisdiction: entry.jurisdiction,
    unitCode: code.code,
    parcelCode: entry.parcel,
    fixture: "W",
    buildingNo: null,
    roomNo: null,
    floor: null,
    roomLabel: null,
    buildingArea: null,
    innerArea: null,
    sharedArea: null,
    use: null,
    structure: null,
    address: facts.address,
    status: "current",
    ...seqs,
  };
  return ok([
    {
      table: "parcels",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        parcelCode: entry.parcel,
        zone: code.cadastralZone,
        subzone: code.cadastralSubzone,
        feature: code.ownership + code.useRight,
        isSea: code.isSea,
        status: "current",
        ...seqs,
      },
    },
    { table: "units", op: "insert", record: land },
  ]);
}

function createBuilding(
  view: RegisterView,
  entry: EntryContent,
  buildingNo: string,
  facts: Parameters<typeof checkBuildingFacts>[0],
): Applied {
  const parcel = view.parcel(entry.parcel);
  if (parcel?.status !== "current")
    return fail(
      "REGISTER.PARCEL_NOT_FOUND",
      `宗地 ${entry.parcel} 不存在`,
      `Parcel ${entry.parcel} does not exist`,
    );
  if (!/^\d{4}$/.test(buildingNo) || buildingNo === "0000")
    return fail("REGISTER.BUILDING_NO", "幢号应为 0001–9999", "The building number runs 0001–9999");
  const findings = checkBuildingFacts(facts);
  if (findings.length > 0) return err(findings);
  if (view.building(entry.parcel, buildingNo))
    return fail(
      "REGISTER.BUILDING_EXISTS",
      `幢 ${buildingNo} 已存在`,
      `Building ${buildingNo} already exists`,
    );
  return ok([
    {
      table: "buildings",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        parcelCode: entry.parcel,
        buildingNo,
        status: "current",
        createdSeq: entry.seq,
        updatedSeq: entry.seq,
      },
    },
  ]);
}

function createUnit(view: RegisterView, entry: EntryContent, facts: UnitFacts): Applied {
  const parsed = parseUnitCode(entry.unit ?? "");
  if (!parsed.ok) return err(parsed.error);
  const code = parsed.value;
  if (code.parcelCode !== entry.parcel)
    return fail("REGISTER.ENTRY", "单元不在该宗地上", "The unit is not on this parcel");
  if (code.fixture === "W")
    return fail(
      "REGISTER.LAND_UNIT",
      "无定着物单元随宗地自动设立",
      "The land-only unit (W) comes with its parcel",
    );
  const parcel = view.parcel(entry.parcel);
  if (parcel?.status !== "current")
    return fail(
      "REGISTER.PARCEL_NOT_FOUND",
      `宗地 ${entry.parcel} 不存在`,
      `Parcel ${entry.parcel} does not exist`,
    );
  if (code.fixture === "F" && view.building(entry.parcel, code.building!)?.status !== "current")
    return fail(
      "REGISTER.BUILDING_NOT_FOUND",
      `幢 ${code.building} 不存在`,
      `Building ${code.building} does not exist`,
    );
  const findings = checkUnitFacts(facts);
  if (findings.length > 0) return err(findings);
  if (view.unit(code.code))
    return fail("REGISTER.UNIT_EXISTS", `不动产单元 ${code.code} 已存在`, `Unit ${code.code} already exists`);
  return ok([
    {
      table: "units",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        unitCode: code.code,
        parcelCode: entry.parcel,
        fixture: code.fixture,
        buildingNo: code.building ?? null,
        roomNo: code.room ?? null,
        status: "current",
        createdSeq: entry.seq,
        updatedSeq: entry.seq,
      },
    },
  ]);
}

function currentUnit(view: RegisterView, entry: EntryContent): Result<UnitRecord, Finding[]> {
  const unit = entry.unit ? view.unit(entry.unit) : undefined;
  if (!unit || unit.parcelCode !== entry.parcel || unit.status !== "current")
    return err([
      registerFinding(
        "REGISTER.UNIT_NOT_FOUND",
        `不动产单元 ${entry.unit} 不存在`,
        `Unit ${entry.unit} does not exist`,
      ),
    ]);
  return ok(unit);
}

function updateUnit(view: RegisterView, entry: EntryContent, changes: Partial<UnitFacts>): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const allowed: Array<keyof UnitFacts> = [
    "floor",
    "roomLabel",
    "buildingArea",
    "innerArea",
    "sharedArea",
    "use",
    "structure",
    "address",
  ];
  const picked = Object.fromEntries(
    Object.entries(changes).filter(([k]) => allowed.includes(k as keyof UnitFacts)),
  ) as Partial<UnitFacts>;
  const next = { ...unit.value, ...picked, updatedSeq: entry.seq };
  const findings = checkUnitFacts(next);
  if (findings.length > 0) return err(findings);
  return ok([{ table: "units", op: "update", record: next }]);
}

function createRight(
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

function endRight(view: RegisterView, entry: EntryContent, rightSeq: number, reason: string): Applied {
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
function recordCertificate(
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

function createEncumbrance(
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
