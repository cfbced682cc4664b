import {
  type BusinessType,
  type CaseEntryKind,
  type CertificateHolder,
  type CertificationFields,
  CO_OWNERSHIP_NAMES,
  type CoOwnership,
  type EncumbranceChanges,
  type EncumbranceFacts,
  type EncumbranceKind,
  type EncumbranceRecord,
  type EntryBody,
  type HolderFacts,
  type IsoDate,
  REPLACEMENT_MARKS,
  type ReplacementReason,
  RIGHT_NATURES,
  RIGHT_TYPES,
  type RightFacts,
  type RightRecord,
  type SealedIdentity,
  type TitleFields,
} from "@yulin/domain";
import { AppError } from "../platform/errors";
import type { PartyRow } from "./case.repository";
import type { PartDetails } from "./case-drafts";
import { mortgageesOf } from "./mortgagee-banks";
import type { UnitRecords } from "./unit-state.loader";

/**
 * What registering one part of a case writes: the register entries (ledger kinds of the register
 * module), the certificate or certification it yields, and the banks to tell. The catalogue names
 * entries as `<thing>.<verb>` (CaseEntryKind); the register records rights by `right.create` /
 * `right.end` and restrictions by `<kind>.create` / `<kind>.cancel` / `<kind>.update`.
 */

export type PlannedBody = Exclude<
  EntryBody,
  { kind: "migrated" | "parcel.create" | "building.create" | "unit.create" }
>;

export type PlannedEntry = { parcel: string; unit: string; body: PlannedBody };

export type BankEvent = {
  event:
    | "mortgage-registered"
    | "mortgage-changed"
    | "mortgage-cancelled"
    | "collateral-seized"
    | "collateral-objection"
    | "collateral-transferred";
  /** Person keys of the mortgagees to tell (resolved to bank institutions by the caller). */
  mortgageeKeys: string[];
  details: Record<string, unknown>;
};

export type PartPlan = {
  entries: PlannedEntry[];
  /** The certificate (不动产权证书) or certification (不动产登记证明) the part yields. */
  certificate?: {
    content:
      | { kind: "certificate"; title: TitleFields }
      | { kind: "certification"; certification: CertificationFields };
    recipients: Array<{
      role: "holder" | "mortgagee";
      accountId?: string | null;
      institutionId?: string | null;
    }>;
    /** The entry whose number slot the certificate number fills, and whose seq the certificate links. */
    entryIndex: number;
  };
  /**
   * 补发/换发: the certificate replaces the right's current one (`replaces`, its number in the
   * register). Registering first asks the certificates module to replace the e-certificate of
   * that number; `entries` and `certificate` apply only when there is none.
   */
  replacement?: { reason: ReplacementReason; replaces: string | null };
  /** A transfer or cancellation voids the unit's current certificate (R26). */
  voidsCertificate?: "transfer" | "change" | "correction" | "cancellation";
  /** Deed tax was cleared for this part (R22): tell the tax department after registering. */
  taxed: boolean;
  banks: BankEvent[];
};

export type PartInput = {
  caseId: string;
  type: BusinessType;
  details: PartDetails;
  parties: readonly PartyRow[];
  records: UnitRecords;
  today: IsoDate;
};

const sealed = (p: PartyRow): SealedIdentity => ({
  name: p.name,
  holderType: p.holder_type,
  idType: p.id_type,
  idNumberEnc: p.id_number_enc,
  idNumberHash: p.person_key,
  idNumberMasked: p.id_number_masked,
});

const holderFacts = (p: PartyRow, coOwnership: CoOwnership): HolderFacts => ({
  ...sealed(p),
  share: coOwnership === "2" ? p.share : null,
});

const printed = (h: {
  name: string;
  holderType: string;
  idType: string;
  idNumberMasked: string | null;
  share: string | null;
}): CertificateHolder => ({
  name: h.name,
  kind: h.holderType === "1" ? "person" : "organisation",
  idType: h.idType === "1" ? "居民身份证" : h.idType === "8" ? "统一社会信用代码" : "其他证件",
  idNumberMasked: h.idNumberMasked ?? "",
  share: h.share,
});

const CO_OWNERSHIP: Record<string, CoOwnership> = { sole: "0", joint: "1", shares: "2", other: "3" };

const SOURCES: Record<string, string> = {
  sale: "买卖",
  gift: "赠与",
  inheritance: "继承",
  bequest: "受遗赠",
  exchange: "互换",
  decision: "生效法律文书",
  division: "共有物分割",
  spouses: "夫妻间转移",
};

const LAND_USES: Record<string, string> = {
  "0701": "城镇住宅用地",
  "071": "城镇住宅用地",
  "0702": "农村宅基地",
  "072": "农村宅基地",
  "0501": "零售商业用地",
  "0601": "工业用地",
  "061": "工业用地",
};
const HOUSE_USES: Record<string, string> = {
  "10": "住宅",
  "11": "成套住宅",
  "12": "非成套住宅",
  "21": "工业",
  "31": "商业服务",
  "60": "办公",
};

const acquirers = (parties: readonly PartyRow[]) =>
  parties.filter((p) => p.role === "right-holder" || p.role === "heir" || p.role === "legatee");
const withRole = (parties: readonly PartyRow[], role: string) => parties.filter((p) => p.role === role);
const distinctPeople = (parties: readonly PartyRow[]) =>
  parties.filter((p, i) => parties.findIndex((q) => q.person_key === p.person_key) === i);

const currentRight = (records: UnitRecords, id?: string) =>
  records.rights.find((r) => (id ? String(r.right.seq) === id : r.right.status === "current"));

const liveEncumbrance = (
  records: UnitRecords,
  kind: EncumbranceKind,
  id: string | undefined,
): EncumbranceRecord => {
  const found = records.encumbrances.find(
    (e) => e.kind === kind && String(e.seq) === id && e.status !== "historic",
  );
  if (!found) throw new AppError("CASE.INVALID", { reason: `no live ${kind} #${id} on the unit` });
  return found;
};

function titleOf(records: UnitRecords, right: RightFacts, holders: HolderFacts[]): TitleFields {
  const { unit, parcel } = records;
  const landUse = right.use ? (LAND_USES[right.use] ?? right.use) : "";
  const houseUse = unit.use ? (HOUSE_USES[unit.use] ?? unit.use) : "";
  const area = [
    parcel ? `宗地面积 ${parcel.area}㎡` : null,
    unit.buildingArea !== null ? `房屋建筑面积 ${unit.buildingArea}㎡` : null,
  ].filter(Boolean);
  const other = [
    unit.innerArea !== null ? `专有建筑面积 ${unit.innerArea}㎡` : null,
    unit.sharedArea !== null ? `分摊建筑面积 ${unit.sharedArea}㎡` : null,
    unit.floor !== null ? `所在层 ${unit.floor}` : null,
  ].filter((x): x is string => x !== null);
  return {
    holders: holders.map((h) => printed(h)),
    coOwnership: CO_OWNERSHIP_NAMES[right.coOwnership],
    location: unit.address,
    unitCode: unit.unitCode,
    rightType: RIGHT_TYPES[right.rightType] ?? right.rightType,
    rightNature: [right.nature ? (RIGHT_NATURES[right.nature] ?? right.nature) : null, "市场化商品房"]
      .filter(Boolean)
      .join("/"),
    use: [landUse, houseUse].filter(Boolean).join("/") || "—",
    area: area.join("/") || "—",
    term:
      right.termStart && right.termEnd
        ? `${(RIGHT_TYPES[right.rightType] ?? "").split("/")[0]} ${right.termStart}起${right.termEnd}止`
        : "—",
    otherState: other,
  };
}

/** The new right a transfer, change or correction records in place of the old one. */
function replacementRight(
  input: PartInput,
  source: string,
): { right: RightFacts; holders: HolderFacts[]; old: RightRecord } {
  const found = currentRight(input.records, input.details.targetRightId);
  if (found?.right.status !== "current") throw new AppError("CASE.INVALID", { reason: "no current right" });
  const old = found.right;
  const incoming = distinctPeople(acquirers(input.parties));
  const mode = CO_OWNERSHIP[input.details.coOwnership ?? (incoming.length > 1 ? "shares" : "sole")] ?? "0";
  let holders: HolderFacts[];
  if (input.type.verb === "transfer") {
    const leaving = new Set(withRole(input.parties, "obligor").map((p) => p.person_key));
    const staying = input.details.ownShareOnly
      ? found.holders.filter((h) => !leaving.has(h.idNumberHash ?? "")).map((h) => ({ ...h }))
      : [];
    holders = [
      ...staying.map(({ name, holderType, idType, idNumberEnc, idNumberHash, idNumberMasked, share }) => ({
        name,
        holderType,
        idType,
        idNumberEnc,
        idNumberHash,
        idNumberMasked,
        share,
      })),
      ...incoming.map((p) => holderFacts(p, mode)),
    ];
  } else if (input.type.id === "change.co-ownership") {
    // 共有性质变更: the co-owners, all applying, state the new form and their shares (R6).
    holders = incoming.map((p) => holderFacts(p, mode));
  } else {
    // A change of the holder's name or ID: the party's identity as now verified replaces the old one.
    const byKey = new Map(incoming.map((p) => [p.person_key, p]));
    holders = found.holders.map((h) => {
      const now = h.idNumberHash ? byKey.get(h.idNumberHash) : undefined;
      return now
        ? { ...sealed(now), share: h.share }
        : {
            name: h.name,
            holderType: h.holderType,
            idType: h.idType,
            idNumberEnc: h.idNumberEnc,
            idNumberHash: h.idNumberHash,
            idNumberMasked: h.idNumberMasked,
            share: h.share,
          };
    });
  }
  const facts = input.details.right;
  const right: RightFacts = {
    rightType: facts?.rightType ?? old.rightType,
    nature: facts?.nature ?? old.nature,
    use: facts?.use ?? old.use,
    area: facts?.area ?? old.area,
    termStart: facts?.termStart ?? old.termStart,
    termEnd: facts?.termEnd ?? old.termEnd,
    source,
    certificateNo: null,
    coOwnership:
      input.type.verb === "transfer" || input.type.id === "change.co-ownership"
        ? holders.length > 1
          ? mode
          : "0"
        : old.coOwnership,
  };
  return { right, holders, old };
}

const entry = (records: UnitRecords, body: PlannedBody, unit = records.unit.unitCode): PlannedEntry => ({
  parcel: records.unit.parcelCode,
  unit,
  body,
});

const mortgageFacts = (input: PartInput): EncumbranceFacts => {
  const mortgagee = withRole(input.parties, "right-holder")[0];
  if (!mortgagee) throw new AppError("CASE.INVALID", { reason: "no mortgagee" });
  const mortgagors = distinctPeople(withRole(input.parties, "obligor"));
  const debtor = withRole(input.parties, "debtor")[0];
  const m = input.details.mortgage ?? {};
  return {
    kind: "mortgage",
    holder: sealed(mortgagee),
    obligorName: mortgagors.map((p) => p.name).join("、") || null,
    documentNo: input.details.documentNo ?? null,
    startsOn: input.today,
    endsOn: m.debtEnd ?? null,
    amount: (m.amount ?? 0) / 100,
    relatedUnitCode: null,
    particulars: {
      method: input.type.mortgageMethod ?? "general",
      mortgagorKeys: mortgagors.map((p) => p.person_key).join(","),
      transferBan: m.transferBan ?? false,
      construction: input.type.constructionMortgage ?? false,
      debtor: debtor?.name ?? mortgagors[0]?.name ?? null,
      caseId: input.caseId,
    },
  };
};

function certificationOf(
  input: PartInput,
  facts: EncumbranceFacts,
  obligors: readonly PartyRow[],
): CertificationFields {
  const holderParty = withRole(
    input.parties,
    facts.kind === "objection" ? "interested-party" : "right-holder",
  )[0];
  const holder = printed({ ...facts.holder, share: null });
  const base = {
    holders: holderParty
      ? [
          printed({
            name: holderParty.name,
            holderType: holderParty.holder_type,
            idType: holderParty.id_type,
            idNumberMasked: holderParty.id_number_masked,
            share: null,
          }),
        ]
      : [holder],
    obligors: distinctPeople(obligors).map((p) =>
      printed({
        name: p.name,
        holderType: p.holder_type,
        idType: p.id_type,
        idNumberMasked: p.id_number_masked,
        share: null,
      }),
    ),
    location: input.records.unit.address,
    unitCode: input.records.unit.unitCode,
    other: [`业务号 ${input.caseId}`],
  };
  switch (facts.kind) {
    case "mortgage":
      return {
        ...base,
        matter: {
          type: "mortgage",
          mortgageKind: input.type.mortgageMethod ?? "general",
          amountFen: Math.round((facts.amount ?? 0) * 100),
          debtor: String(facts.particulars.debtor ?? ""),
          termStart: facts.startsOn ?? input.today,
          termEnd: facts.endsOn ?? input.today,
        },
      };
    case "advance-notice": {
      const kind = input.type.advanceNoticeKind ?? "sale";
      const noticeKind = (
        {
          "presale-sale": "presale-purchase",
          "presale-mortgage": "presale-mortgage",
          sale: "transfer",
          mortgage: "mortgage",
        } as const
      )[kind];
      return { ...base, matter: { type: "advance-notice", noticeKind } };
    }
    case "objection":
      return { ...base, matter: { type: "objection", grounds: input.details.objection?.grounds ?? "" } };
    case "easement":
      return {
        ...base,
        matter: {
          type: "easement",
          servientUnitCode: input.records.unit.unitCode,
          purpose: input.details.documentNo ?? "通行",
          termStart: input.today,
          termEnd: facts.endsOn,
        },
      };
    default:
      return { ...base, matter: { type: "residence", termStart: input.today, termEnd: facts.endsOn } };
  }
}

const recipientsOf = (parties: readonly PartyRow[], role: "holder" | "mortgagee") =>
  distinctPeople(parties)
    .filter((p) => p.account_id || p.institution_id)
    .map((p) => ({
      role,
      accountId: p.institution_id ? null : p.account_id,
      institutionId: p.institution_id,
    }));

/**
 * The entries, certificate and notices of one part, against the register as the earlier parts of
 * the case left it (the caller reloads `records` between parts).
 */
export function planPart(input: PartInput): PartPlan {
  const { type, details, records } = input;
  const plan: PartPlan = { entries: [], taxed: type.deedTax === true, banks: [] };
  const kind: CaseEntryKind | undefined = type.entries[0];
  const obligors = withRole(input.parties, "obligor");
  switch (kind) {
    case "right.create": {
      const f = details.right;
      if (!f)
        throw new AppError("CASE.INVALID", {
          reason: "a first registration states the right (details.right)",
        });
      const incoming = distinctPeople(acquirers(input.parties));
      const mode = CO_OWNERSHIP[details.coOwnership ?? (incoming.length > 1 ? "shares" : "sole")] ?? "0";
      const holders = incoming.map((p) => holderFacts(p, mode));
      const right: RightFacts = {
        rightType: f.rightType,
        nature: f.nature ?? null,
        use: f.use ?? null,
        area: f.area ?? null,
        termStart: f.termStart ?? null,
        termEnd: f.termEnd ?? details.termEnd ?? null,
        source: "首次登记",
        certificateNo: null,
        coOwnership: mode,
      };
      plan.entries.push(entry(records, { kind: "right.create", right, holders, ends: [] }));
      plan.certificate = {
        content: { kind: "certificate", title: titleOf(records, right, holders) },
        recipients: recipientsOf(incoming, "holder"),
        entryIndex: 0,
      };
      return plan;
    }
    case "right.transfer":
    case "right.change":
    case "right.correct": {
      const source =
        kind === "right.transfer"
          ? (SOURCES[type.acquisition ?? "sale"] ?? "转移")
          : kind === "right.change"
            ? "变更登记"
            : "更正登记";
      const { right, holders, old } = replacementRight(input, source);
      // 自然状况变更: the unit's recorded facts change first, then the right is recorded anew.
      const changes = Object.fromEntries(
        Object.entries(details.unit ?? {}).filter(([, v]) => v !== undefined),
      );
      if (kind !== "right.transfer" && Object.keys(changes).length > 0)
        plan.entries.push(entry(records, { kind: "unit.update", changes }));
      const after = { ...records, unit: { ...records.unit, ...changes } };
      plan.entries.push(entry(records, { kind: "right.create", right, holders, ends: [old.seq] }));
      plan.certificate = {
        content: { kind: "certificate", title: titleOf(after, right, holders) },
        recipients: recipientsOf(
          acquirers(input.parties).length ? acquirers(input.parties) : input.parties,
          "holder",
        ),
        entryIndex: plan.entries.length - 1,
      };
      plan.voidsCertificate =
        kind === "right.transfer" ? "transfer" : kind === "right.change" ? "change" : "correction";
      if (kind === "right.transfer" && mortgageesOf(records).length > 0)
        plan.banks.push({
          event: "collateral-transferred",
          mortgageeKeys: mortgageesOf(records),
          details: { source },
        });
      // R8: a court disposing of the whole unit ends the waiting seizures.
      if (details.decision?.wholeUnit)
        for (const s of records.encumbrances.filter((e) => e.kind === "seizure" && e.status === "waiting"))
          plan.entries.push(
            entry(records, {
              kind: "seizure.cancel",
              encumbranceSeq: s.seq,
              reason: "首封法院处分整个不动产，轮候查封失效",
            }),
          );
      return plan;
    }
    case "right.cancel": {
      const found = currentRight(records, details.targetRightId);
      if (found?.right.status !== "current")
        throw new AppError("CASE.INVALID", { reason: "no current right" });
      plan.entries.push(
        entry(records, {
          kind: "right.end",
          rightSeq: found.right.seq,
          reason: `注销登记（${type.name_zh}）`,
        }),
      );
      plan.voidsCertificate = "cancellation";
      return plan;
    }
    case "mortgage.create": {
      const facts = mortgageFacts(input);
      plan.entries.push(entry(records, { kind: "mortgage.create", encumbrance: facts }));
      plan.certificate = {
        content: { kind: "certification", certification: certificationOf(input, facts, obligors) },
        recipients: recipientsOf(withRole(input.parties, "right-holder"), "mortgagee"),
        entryIndex: 0,
      };
      plan.banks.push({
        event: "mortgage-registered",
        mortgageeKeys: [facts.holder.idNumberHash ?? ""],
        details: { amountFen: details.mortgage?.amount ?? 0 },
      });
      return plan;
    }
    case "mortgage.change":
    case "mortgage.transfer":
    case "mortgage.fix":
    case "mortgage.convert": {
      const target = liveEncumbrance(records, "mortgage", details.mortgage?.targetMortgageId);
      const m = details.mortgage ?? {};
      const changes: EncumbranceChanges =
        kind === "mortgage.change"
          ? {
              ...(m.amount !== undefined ? { amount: m.amount / 100 } : {}),
              ...(m.debtEnd ? { endsOn: m.debtEnd } : {}),
              ...(obligors.length
                ? {
                    obligorName: distinctPeople(obligors)
                      .map((p) => p.name)
                      .join("、"),
                    particulars: {
                      mortgagorKeys: distinctPeople(obligors)
                        .map((p) => p.person_key)
                        .join(","),
                    },
                  }
                : {}),
            }
          : kind === "mortgage.transfer"
            ? { holder: sealed(withRole(input.parties, "right-holder")[0]!) }
            : kind === "mortgage.fix"
              ? { particulars: { fixed: true } }
              : { particulars: { construction: false } };
      plan.entries.push(
        entry(records, {
          kind: "mortgage.update",
          encumbranceSeq: target.seq,
          changes,
          reason: type.name_zh,
        }),
      );
      plan.banks.push({
        event: "mortgage-changed",
        mortgageeKeys: [target.holderIdHash ?? ""],
        details: { change: kind },
      });
      return plan;
    }
    case "mortgage.cancel": {
      const target = liveEncumbrance(records, "mortgage", details.mortgage?.targetMortgageId);
      plan.entries.push(
        entry(records, { kind: "mortgage.cancel", encumbranceSeq: target.seq, reason: "抵押权注销" }),
      );
      plan.banks.push({
        event: "mortgage-cancelled",
        mortgageeKeys: [target.holderIdHash ?? ""],
        details: {},
      });
      return plan;
    }
    case "advance-notice.create": {
      const holders = distinctPeople(acquirers(input.parties));
      const first = holders[0];
      if (!first) throw new AppError("CASE.INVALID", { reason: "no advance notice holder" });
      const facts: EncumbranceFacts = {
        kind: "advance-notice",
        holder: sealed(first),
        obligorName:
          distinctPeople(obligors)
            .map((p) => p.name)
            .join("、") || null,
        documentNo: details.documentNo ?? null,
        startsOn: input.today,
        endsOn: null,
        amount: details.mortgage?.amount !== undefined ? details.mortgage.amount / 100 : null,
        relatedUnitCode: null,
        particulars: {
          noticeKind: type.advanceNoticeKind ?? "sale",
          holderKeys: holders
            .slice(1)
            .map((p) => p.person_key)
            .join(","),
          obligorKeys: distinctPeople(obligors)
            .map((p) => p.person_key)
            .join(","),
          registrablePossibleOn: details.advanceNotice?.registrablePossibleOn ?? null,
        },
      };
      plan.entries.push(entry(records, { kind: "advance-notice.create", encumbrance: facts }));
      plan.certificate = {
        content: { kind: "certification", certification: certificationOf(input, facts, obligors) },
        recipients: recipientsOf(holders, "holder"),
        entryIndex: 0,
      };
      return plan;
    }
    case "advance-notice.cancel": {
      const target = liveEncumbrance(records, "advance-notice", details.advanceNotice?.targetId);
      plan.entries.push(
        entry(records, { kind: "advance-notice.cancel", encumbranceSeq: target.seq, reason: "预告登记注销" }),
      );
      return plan;
    }
    case "seizure.create":
    case "seizure.wait": {
      const court = withRole(input.parties, "instructing-authority")[0];
      const s = details.seizure;
      if (!court || !s)
        throw new AppError("CASE.INVALID", { reason: "a seizure names the court and its period" });
      const facts: EncumbranceFacts = {
        kind: "seizure",
        holder: sealed(court),
        obligorName:
          distinctPeople(obligors)
            .map((p) => p.name)
            .join("、") || null,
        documentNo: details.documentNo ?? `${court.name}协助执行通知书`,
        startsOn: s.periodStart,
        endsOn: s.periodEnd,
        amount: null,
        relatedUnitCode: null,
        particulars: {
          court: s.court,
          deliveredAt: s.deliveredAt,
          seizureKind: type.seizureKind ?? "seizure",
          caseId: input.caseId,
        },
      };
      plan.entries.push(entry(records, { kind: "seizure.create", encumbrance: facts }));
      if (mortgageesOf(records).length > 0)
        plan.banks.push({
          event: "collateral-seized",
          mortgageeKeys: mortgageesOf(records),
          details: { court: court.name },
        });
      return plan;
    }
    case "seizure.release": {
      const target = liveEncumbrance(records, "seizure", details.seizure?.targetSeizureId);
      plan.entries.push(
        entry(records, { kind: "seizure.cancel", encumbranceSeq: target.seq, reason: "解除查封" }),
      );
      // R8: releasing the effective seizure makes the first waiting one effective: the collateral is
      // seized anew by that court, and the mortgagees are told.
      const next = records.encumbrances
        .filter((e) => e.kind === "seizure" && e.status === "waiting")
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || Number(a.seq) - Number(b.seq))[0];
      if (target.status === "effective" && next && mortgageesOf(records).length > 0)
        plan.banks.push({
          event: "collateral-seized",
          mortgageeKeys: mortgageesOf(records),
          details: { court: next.holderName, promotedFrom: "waiting", documentNo: next.documentNo },
        });
      return plan;
    }
    case "seizure.extend": {
      const target = liveEncumbrance(records, "seizure", details.seizure?.targetSeizureId);
      plan.entries.push(
        entry(records, {
          kind: "seizure.update",
          encumbranceSeq: target.seq,
          changes: { endsOn: details.seizure?.periodEnd ?? target.endsOn },
          reason: "续行查封",
        }),
      );
      return plan;
    }
    case "objection.create": {
      const applicant = withRole(input.parties, "interested-party")[0];
      if (!applicant) throw new AppError("CASE.INVALID", { reason: "no objector" });
      const facts: EncumbranceFacts = {
        kind: "objection",
        holder: sealed(applicant),
        obligorName: null,
        documentNo: details.documentNo ?? null,
        startsOn: input.today,
        endsOn: null,
        amount: null,
        relatedUnitCode: null,
        particulars: { matter: details.objection?.matter ?? "", grounds: details.objection?.grounds ?? "" },
      };
      plan.entries.push(entry(records, { kind: "objection.create", encumbrance: facts }));
      plan.certificate = {
        content: { kind: "certification", certification: certificationOf(input, facts, []) },
        recipients: recipientsOf([applicant], "holder"),
        entryIndex: 0,
      };
      if (mortgageesOf(records).length > 0)
        plan.banks.push({ event: "collateral-objection", mortgageeKeys: mortgageesOf(records), details: {} });
      return plan;
    }
    case "objection.cancel": {
      const target = liveEncumbrance(records, "objection", details.objection?.targetId);
      plan.entries.push(
        entry(records, { kind: "objection.cancel", encumbranceSeq: target.seq, reason: "异议登记注销" }),
      );
      return plan;
    }
    case "easement.create":
    case "habitation.create": {
      const holder = withRole(input.parties, "right-holder")[0];
      if (!holder) throw new AppError("CASE.INVALID", { reason: "no right holder" });
      const encumbranceKind = kind === "easement.create" ? "easement" : "habitation";
      const facts: EncumbranceFacts = {
        kind: encumbranceKind,
        holder: sealed(holder),
        obligorName:
          distinctPeople(obligors)
            .map((p) => p.name)
            .join("、") || null,
        documentNo: details.documentNo ?? null,
        startsOn: input.today,
        endsOn: details.termEnd ?? null,
        amount: null,
        relatedUnitCode: kind === "easement.create" ? (details.easement?.dominantUnitCode ?? null) : null,
        particulars: {},
      };
      plan.entries.push(entry(records, { kind: `${encumbranceKind}.create`, encumbrance: facts }));
      plan.certificate = {
        content: { kind: "certification", certification: certificationOf(input, facts, obligors) },
        recipients: recipientsOf([holder], "holder"),
        entryIndex: 0,
      };
      return plan;
    }
    case "easement.cancel":
    case "habitation.cancel": {
      const encumbranceKind = kind === "easement.cancel" ? "easement" : "habitation";
      const targetId =
        kind === "habitation.cancel"
          ? details.habitation?.targetId
          : records.encumbrances
              .find((e) => e.kind === "easement" && e.status !== "historic")
              ?.seq.toString();
      const target = liveEncumbrance(records, encumbranceKind, targetId);
      plan.entries.push(
        entry(records, {
          kind: `${encumbranceKind}.cancel`,
          encumbranceSeq: target.seq,
          reason: type.name_zh,
        }),
      );
      return plan;
    }
    case "easement.transfer":
      // 地役权随需役地转让 (民法典 380): recorded with the dominant land's transfer; nothing of its own.
      return plan;
    case "certificate.replace": {
      // 补发/换发 (细则 22): the right stays; the register records the new certificate's number. The
      // registering step asks the certificates module to replace the unit's current e-certificate;
      // this plan is what happens when there is none (a paper certificate): a new certificate for
      // the current right, its number written by the `right.certificate` entry.
      const found = currentRight(records, details.targetRightId);
      if (found?.right.status !== "current")
        throw new AppError("CASE.INVALID", { reason: "no current right" });
      const reason = type.announcement?.kind === "loss-notice" ? "lost" : "damaged";
      const right = found.right;
      plan.entries.push(
        entry(records, {
          kind: "right.certificate",
          rightSeq: right.seq,
          certificateNo: "",
          replaces: right.certificateNo,
          reason: REPLACEMENT_MARKS[reason],
        }),
      );
      plan.certificate = {
        content: { kind: "certificate", title: titleOf(records, right, found.holders) },
        recipients: recipientsOf(withRole(input.parties, "right-holder"), "holder"),
        entryIndex: 0,
      };
      plan.replacement = { reason, replaces: right.certificateNo };
      return plan;
    }
    default:
      throw new AppError("CASE.INVALID", { reason: `no register entry for ${kind}` });
  }
}

/** Puts the allocated certificate number into the entry it belongs to. */
export function withCertificateNumber(entry: PlannedEntry, number: string): PlannedEntry {
  const body = entry.body;
  if (body.kind === "right.create")
    return { ...entry, body: { ...body, right: { ...body.right, certificateNo: number } } };
  if (body.kind === "right.certificate") return { ...entry, body: { ...body, certificateNo: number } };
  if ("encumbrance" in body)
    return {
      ...entry,
      body: {
        ...body,
        encumbrance: {
          ...body.encumbrance,
          particulars: { ...body.encumbrance.particulars, certificationNo: number },
        },
      },
    };
  return entry;
}
