/**
 * Test factories for the cases domain (STYLE.md §11: factories, not stubs). Not exported from the
 * package: tests import it directly.
 */
import { addDays } from "../../calendar/iso-date";
import { buildHolidayCalendar, type HolidayCalendar, type HolidayRow } from "../../calendar/working-days";
import type { CaseDraft, DraftParty } from "../case-draft";
import { requireBusinessType } from "../catalogue";
import type { PartyRole } from "../parties";
import type { RuleContext, RuleFinding, RuleId } from "../rules/rule";
import type { MortgageView, RightView, SeizureView, UnitState } from "../unit-state";

const range = (from: string, to: string, kind: "off" | "work"): HolidayRow[] => {
  const rows: HolidayRow[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) rows.push({ date, kind });
  return rows;
};

/** The State Council schedules for 2025 and 2026 (as in chinese-days@1.5.7). */
export const CALENDAR: HolidayCalendar = buildHolidayCalendar(
  [
    ...range("2025-01-01", "2025-01-01", "off"),
    ...range("2025-01-28", "2025-02-04", "off"),
    ...range("2025-04-04", "2025-04-06", "off"),
    ...range("2025-05-01", "2025-05-05", "off"),
    ...range("2025-05-31", "2025-06-02", "off"),
    ...range("2025-10-01", "2025-10-08", "off"),
    ...["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].flatMap((d) =>
      range(d, d, "work"),
    ),
    ...range("2026-01-01", "2026-01-03", "off"),
    ...range("2026-02-15", "2026-02-23", "off"),
    ...range("2026-04-04", "2026-04-06", "off"),
    ...range("2026-05-01", "2026-05-05", "off"),
    ...range("2026-06-19", "2026-06-21", "off"),
    ...range("2026-09-25", "2026-09-27", "off"),
    ...range("2026-10-01", "2026-10-07", "off"),
    ...["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].flatMap((d) =>
      range(d, d, "work"),
    ),
  ],
  [2025, 2026],
);

export const APARTMENT = "440106005003GB00012F00010203";
export const CERTIFICATE = "粤（2020）广州市不动产权第0001234号";

export const ctx = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  today: "2025-06-10",
  calendar: CALENDAR,
  office: { code: "440106", allowsCommitments: false },
  ...overrides,
});

export const right = (overrides: Partial<RightView> = {}): RightView => ({
  id: "right-1",
  kind: "state-construction+house",
  status: "current",
  holders: [{ personId: "seller", name: "卖方甲" }],
  coOwnership: "sole",
  termEnd: "2085-12-31",
  landUse: "residential",
  certificateNumber: CERTIFICATE,
  registeredOn: "2020-05-01",
  ...overrides,
});

/** A registered flat in 天河区 held by `seller`, free of encumbrances. */
export const unit = (overrides: Partial<UnitState> = {}): UnitState => ({
  unitCode: APARTMENT,
  firstRegistered: true,
  landRight: { registered: true, holderIds: ["seller"] },
  rights: [right()],
  use: "residential",
  mortgages: [],
  advanceNotices: [],
  seizures: [],
  objections: [],
  habitations: [],
  easements: [],
  history: [],
  voidedCertificates: [],
  ...overrides,
});

export const mortgage = (overrides: Partial<MortgageView> = {}): MortgageView => ({
  id: "mortgage-1",
  mortgageeId: "bank",
  mortgagorIds: ["seller"],
  method: "general",
  amount: 100_000_000,
  rank: 1,
  registeredOn: "2022-03-01",
  transferBan: false,
  status: "current",
  ...overrides,
});

export const seizure = (overrides: Partial<SeizureView> = {}): SeizureView => ({
  id: "seizure-1",
  court: "court-a",
  kind: "seizure",
  status: "effective",
  deliveredAt: "2025-01-10T09:00:00+08:00",
  periodStart: "2025-01-10",
  periodEnd: "2028-01-10",
  ...overrides,
});

export const party = (
  personId: string,
  role: PartyRole,
  overrides: Partial<DraftParty> = {},
): DraftParty => ({
  personId,
  name: personId,
  role,
  signed: true,
  ...overrides,
});

/** Parties a type usually has on the `unit()` flat: the seller disposes, buyer or bank acquires. */
const defaultParties = (typeId: string): DraftParty[] => {
  const type = requireBusinessType(typeId);
  if (type.application.mode === "instruction") return [party("court-a", "instructing-authority")];
  if (type.application.mode === "ex-officio") return [];
  if (type.acquisition === "inheritance") return [party("heir-1", "heir", { heirOrder: 1 })];
  if (type.acquisition === "bequest") return [party("legatee-1", "legatee")];
  if (type.subject === "objection") return [party("neighbour", "interested-party")];
  if (type.subject === "mortgage" && type.verb === "cancel") return [party("bank", "right-holder")];
  if (type.subject === "mortgage" || type.advanceNoticeKind?.endsWith("mortgage"))
    return [party("bank", "right-holder"), party("seller", "obligor")];
  if (type.subject === "easement") return [party("neighbour", "right-holder"), party("seller", "obligor")];
  if (type.subject === "habitation") return [party("mother", "right-holder"), party("seller", "obligor")];
  if (type.verb === "transfer" || (type.subject === "advance-notice" && type.verb === "create"))
    return [party("buyer", "right-holder"), party("seller", "obligor")];
  if (type.subject === "advance-notice") return [party("buyer", "right-holder")];
  if (type.verb === "create") return [party("seller", "right-holder")];
  return [party("seller", "right-holder")];
};

/** A complete draft of the type: default parties, every listed material uploaded, tax and fee paid. */
export const draft = (typeId: string, overrides: Partial<CaseDraft> = {}): CaseDraft => {
  const type = requireBusinessType(typeId);
  return {
    typeId,
    unitCode: APARTMENT,
    parties: defaultParties(typeId),
    materials: type.materials.map((m) => ({ id: m.id, source: "upload" as const })),
    consents: [],
    riskStatements: [],
    taxCleared: true,
    feePaid: true,
    ...overrides,
  };
};

export const ofRule = (findings: readonly RuleFinding[], rule: RuleId) =>
  findings.filter((f) => f.rule === rule);

export const blocksOf = (findings: readonly RuleFinding[], rule: RuleId) =>
  findings.filter((f) => f.rule === rule && f.severity === "block");
