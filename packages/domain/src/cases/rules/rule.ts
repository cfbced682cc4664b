import type { IsoDate } from "../../calendar/iso-date";
import type { HolidayCalendar } from "../../calendar/working-days";
import type { Finding, Severity } from "../../result";
import type { BusinessType } from "../business-type";
import type { CaseDraft } from "../case-draft";
import type { OfficeSettings } from "../catalogue";
import type { UnitState } from "../unit-state";

export const RULE_IDS = [
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "R6",
  "R7",
  "R8",
  "R9",
  "R10",
  "R11",
  "R12",
  "R13",
  "R14",
  "R15",
  "R16",
  "R17",
  "R18",
  "R19",
  "R20",
  "R21",
  "R22",
  "R23",
  "R24",
  "R25",
  "R26",
  "R27",
  "R28",
  "R29",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Where in the case the rules run: at submit (shown to applicant and clerk), at each stage, and at
 * `register` inside the registering transaction after the units are locked (check at commit). Some
 * rules only block at a later stage (deed tax before registering, fees before issuing).
 */
export type RuleStage = "submit" | "accept" | "review" | "register" | "issue";

export type RuleContext = {
  today: IsoDate;
  calendar: HolidayCalendar;
  office: OfficeSettings;
  stage?: RuleStage;
  /**
   * For a part of a combined case: the other parts' types and everyone who applies in the case. A
   * holder who applies in the same case consents by doing so (the old mortgagee cancelling in
   * 带押过户, the buyer converting its own advance notice).
   */
  combined?: { typeIds: readonly string[]; partyIds: readonly string[] };
};

/**
 * A finding of a rule: `rule` names it (R7), `basis` cites the law. A warning with an unrecorded
 * `commitment` blocks until the applicant signs it (R12).
 */
export type RuleFinding = Finding & {
  rule: RuleId;
  basis: string;
  commitment?: { kind: "objection-risk"; ref: string; recorded: boolean };
  /** Index of the part of a combined case the finding concerns. */
  part?: number;
};

export type Rule = {
  id: RuleId;
  title_zh: string;
  title_en: string;
  /** Whether the rule concerns a type at all; the engine runs only rules that apply. */
  appliesTo: (type: BusinessType) => boolean;
  /** Computes with the draft's dates: skipped while R24 reports one that is not a calendar date. */
  readsDraftDates?: true;
  check: (draft: CaseDraft, state: UnitState, ctx: RuleContext) => RuleFinding[];
};

export const ruleFinding = (
  rule: RuleId,
  code: string,
  severity: Severity,
  message_zh: string,
  message_en: string,
  basis: string,
  extra: Pick<RuleFinding, "commitment"> = {},
): RuleFinding => ({ code: `${rule}.${code}`, rule, severity, message_zh, message_en, basis, ...extra });

/** What stops the case: blocks, and warnings whose commitment is not yet recorded (R12). */
export const blocking = (findings: readonly RuleFinding[]): RuleFinding[] =>
  findings.filter((f) => f.severity === "block" || (f.commitment !== undefined && !f.commitment.recorded));

export const stageOf = (ctx: RuleContext): RuleStage => ctx.stage ?? "submit";

/** Everyone who applies in the case (this part and, for a combined case, the others). */
export const casePartyIds = (draft: CaseDraft, ctx: RuleContext): Set<string> =>
  new Set([...draft.parties.map((p) => p.personId), ...(ctx.combined?.partyIds ?? [])]);

export const partiesWithRole = (draft: CaseDraft, ...roles: string[]) =>
  draft.parties.filter((p) => roles.includes(p.role));

/** Consent on file, or given by applying in the same case. */
export const hasConsent = (
  draft: CaseDraft,
  ctx: RuleContext,
  kind: CaseDraft["consents"][number]["kind"],
  personId: string,
  refId?: string,
): boolean =>
  casePartyIds(draft, ctx).has(personId) ||
  draft.consents.some(
    (c) =>
      c.kind === kind &&
      c.personId === personId &&
      (refId === undefined || c.refId === undefined || c.refId === refId),
  );
