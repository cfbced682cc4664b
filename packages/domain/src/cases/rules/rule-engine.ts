import { isIsoDate } from "../../calendar/iso-date";
import type { CaseDraft } from "../case-draft";
import { findCombinedType, requireBusinessType } from "../catalogue";
import { projectPart } from "../plan/plan-project";
import type { UnitSlice } from "../plan/unit-slice";
import { unitStateOf } from "../plan/unit-state.mapper";
import type { UnitState } from "../unit-state";
import { advanceNoticeConversionRule, advanceNoticeNeedsConsentRule } from "./advance-notice.rules";
import { certificatesFollowRightsRule, rightTermsRule } from "./certificate.rules";
import { easementRule } from "./easement.rules";
import {
  firstRegistrationFirstRule,
  houseAndLandTogetherRule,
  registerDecidesRule,
  whoAppliesRule,
} from "./general.rules";
import { habitationRightRule } from "./habitation.rules";
import { coOwnersRule, currentHolderOnlyRule } from "./holders.rules";
import { inheritanceRule, oneTimeNoticeRule } from "./materials.rules";
import {
  constructionMortgageRule,
  maximumMortgageRule,
  mortgageFollowsPropertyRule,
  mortgageRankRule,
  notMortgageableRule,
} from "./mortgage.rules";
import { objectionRiskRule } from "./objection.rules";
import {
  announcementRule,
  correctionLimitsRule,
  countingTimeRule,
  draftDates,
  taxAndFeesFirstRule,
  timeLimitsRule,
  withdrawalRule,
} from "./procedure.rules";
import { repaidMortgageFindings } from "./repayment.rules";
import { type Rule, type RuleContext, type RuleFinding, type RuleId, ruleFinding } from "./rule";
import { seizureBlocksDisposalRule, seizurePeriodRule, waitingSeizuresRule } from "./seizure.rules";

/** R1 … R29 in order; the engine runs those that apply to the type. */
export const RULES: readonly Rule[] = [
  registerDecidesRule,
  firstRegistrationFirstRule,
  houseAndLandTogetherRule,
  whoAppliesRule,
  currentHolderOnlyRule,
  coOwnersRule,
  seizureBlocksDisposalRule,
  waitingSeizuresRule,
  seizurePeriodRule,
  advanceNoticeNeedsConsentRule,
  advanceNoticeConversionRule,
  objectionRiskRule,
  mortgageFollowsPropertyRule,
  mortgageRankRule,
  notMortgageableRule,
  constructionMortgageRule,
  maximumMortgageRule,
  habitationRightRule,
  easementRule,
  announcementRule,
  correctionLimitsRule,
  taxAndFeesFirstRule,
  timeLimitsRule,
  countingTimeRule,
  inheritanceRule,
  certificatesFollowRightsRule,
  rightTermsRule,
  withdrawalRule,
  oneTimeNoticeRule,
];

export const rulesFor = (typeId: string): RuleId[] => {
  const type = requireBusinessType(typeId);
  return RULES.filter((rule) => rule.appliesTo(type)).map((rule) => rule.id);
};

/**
 * Every finding of every rule that applies, all at once (R29 一次性告知). Run at submit, at each
 * stage (`ctx.stage`), and at commit after locking the units.
 */
export const evaluateRules = (draft: CaseDraft, state: UnitState, ctx: RuleContext): RuleFinding[] => {
  const type = requireBusinessType(draft.typeId);
  // A date that is not a date cannot be counted with: R24 says so, and the rules that count skip.
  const datesValid = draftDates(draft).every(([, value]) => isIsoDate(value));
  return RULES.filter((rule) => rule.appliesTo(type) && (datesValid || !rule.readsDraftDates)).flatMap(
    (rule) => rule.check(draft, state, ctx),
  );
};

/** A combined case: its catalogue id and one draft per part, in the catalogue's order. */
export type CombinedDraft = { combinedTypeId: string; parts: readonly CaseDraft[]; caseId?: string };

/**
 * Evaluates each part against the unit as the earlier parts leave it, so the buyer's mortgage is
 * checked against the buyer as holder. "As the earlier parts leave it" is the part plan applied
 * with the register's own `applyEntry` (plan/plan-project.ts): exactly what registering records.
 * Findings carry the part index. The parts register in one transaction in this order, or none does.
 */
export const evaluateCombined = (
  draft: CombinedDraft,
  slice: UnitSlice,
  ctx: RuleContext,
  /** When the parts would be recorded (ISO date-time); default: noon of `ctx.today`, China time. */
  at = `${ctx.today}T04:00:00.000Z`,
): RuleFinding[] => {
  const combined = findCombinedType(draft.combinedTypeId);
  if (!combined) throw new RangeError(`unknown combined type: ${draft.combinedTypeId}`);
  const typeIds = draft.parts.map((p) => p.typeId);
  if (typeIds.join() !== combined.parts.map((p) => p.typeId).join())
    throw new RangeError(`parts of ${combined.id} must be ${combined.parts.map((p) => p.typeId).join(", ")}`);
  const partCtx: RuleContext = {
    ...ctx,
    combined: { typeIds, partyIds: draft.parts.flatMap((p) => p.parties.map((party) => party.personId)) },
  };
  const findings: RuleFinding[] = [...repaidMortgageFindings(combined, draft.parts, unitStateOf(slice))];
  let current = slice;
  draft.parts.forEach((part, index) => {
    const spec = combined.parts[index];
    const own = evaluateRules(part, unitStateOf(current), partCtx);
    if (spec?.convertsAdvanceNotice && !part.fromAdvanceNoticeId)
      own.push(
        ruleFinding(
          "R11",
          "WHICH_NOTICE",
          "block",
          "预转本须指明所转换的预告登记",
          "Name the advance notice this part converts",
          "民法典 第221条",
        ),
      );
    findings.push(...own.map((f) => ({ ...f, part: index })));
    const projected = projectPart(part, current, { caseId: draft.caseId ?? "", today: ctx.today, at });
    if (projected.ok) current = projected.value.slice;
    else if (!own.some((f) => f.severity === "block"))
      // The rules found nothing, yet the register would refuse the part: say so, never pass it.
      findings.push(
        ...projected.error.map((f) => ({
          ...ruleFinding(
            "R1",
            "REGISTER_REFUSES",
            "block",
            f.message_zh,
            f.message_en,
            f.basis ?? "条例 第14条",
          ),
          part: index,
        })),
      );
  });
  return findings;
};

export type InstantRoute = { route: "automatic" } | { route: "human"; reasons: string[] };

/**
 * 即时办结: an eligible type, through its channel, with no blocking or warning finding, is registered
 * by the system; anything else goes to a human reviewer, with the reasons.
 */
export const instantRoute = (
  drafts: readonly CaseDraft[],
  findings: readonly RuleFinding[],
): InstantRoute => {
  const reasons: string[] = [];
  for (const draft of drafts) {
    const type = requireBusinessType(draft.typeId);
    if (!type.instant) {
      reasons.push(`${type.id}: not eligible for instant registration`);
      continue;
    }
    if (type.instant.channel && draft.submittedBy?.institutionKind !== type.instant.channel)
      reasons.push(`${type.id}: instant only when submitted by a ${type.instant.channel} account`);
    const licence = type.instant.eLicence;
    if (licence && !draft.materials.some((m) => m.id === licence && m.source === "e-licence"))
      reasons.push(`${type.id}: ${licence} not verified against e-licence data`);
  }
  for (const f of findings) if (f.severity !== "info") reasons.push(`${f.rule} ${f.code}: ${f.message_en}`);
  return reasons.length === 0 ? { route: "automatic" } : { route: "human", reasons };
};
