import { requireBusinessType } from "../catalogue";
import { addYears, hasEnded } from "../periods";
import type { UnitState } from "../unit-state";
import { type Rule, type RuleContext, type RuleFinding, ruleFinding } from "./rule";
import { effectiveSeizures, seizuresToday } from "./rule-views";

/** R7 查封限制处分: while seized, disposals are refused at submit and again at commit. */
export const seizureBlocksDisposalRule: Rule = {
  id: "R7",
  title_zh: "查封限制处分",
  title_en: "Seizure blocks disposal",
  appliesTo: (type) => type.subject !== "seizure",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const seized = effectiveSeizures(state, ctx);
    if (seized.length === 0 || type.whileSeized === "allowed") return [];
    const courts = seized.map((s) => s.court).join("、");
    if (type.whileSeized === "refused")
      return [
        ruleFinding(
          "R7",
          "UNIT_SEIZED",
          "block",
          `该不动产已被${courts}查封，不得办理${type.name_zh}`,
          `The unit is seized by ${courts}; ${type.name_en} is refused`,
          type.subject === "mortgage" ? "民法典 第399条第5项" : "城市房地产管理法 第38条；细则 第90条",
        ),
      ];
    return [
      ruleFinding(
        "R7",
        "SEIZED_NEEDS_REVIEW",
        "warn",
        `该不动产处于查封状态，${type.name_zh}须经审核人员审查`,
        `The unit is seized; ${type.name_en} needs a reviewer's decision`,
        "细则 第90条",
      ),
    ];
  },
};

/** R8: the kind of entry a court's seizure becomes on arrival: effective, or waiting behind another. */
export const seizureEntryOnArrival = (
  state: UnitState,
  ctx: RuleContext,
): "seizure.create" | "seizure.wait" =>
  effectiveSeizures(state, ctx).length > 0 ? "seizure.wait" : "seizure.create";

/** R8 轮候查封: later seizures wait by delivery time and take effect when the earlier one ends. */
export const waitingSeizuresRule: Rule = {
  id: "R8",
  title_zh: "轮候查封",
  title_en: "Waiting seizures",
  appliesTo: () => true,
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const info = (code: string, zh: string, en: string, basis = "细则 第91条；查扣冻规定 第26条") =>
      findings.push(ruleFinding("R8", code, "info", zh, en, basis));
    const { effects, seizures } = seizuresToday(state, ctx);
    for (const effect of effects)
      if (effect.kind === "seizure.promote")
        info(
          "PROMOTED",
          `轮候查封${effect.id}已于${effect.on}转为查封`,
          `Waiting seizure ${effect.id} took effect on ${effect.on}`,
        );
    const waiting = seizures.filter((s) => s.status === "waiting");
    if (type.subject === "seizure" && type.verb === "create") {
      const arrival = seizureEntryOnArrival(state, ctx);
      if (arrival === "seizure.wait")
        info(
          "WILL_WAIT",
          `该不动产已被查封，本次登记为轮候查封，顺位第${waiting.length + 1}`,
          `The unit is already seized: recorded as waiting seizure number ${waiting.length + 1}`,
        );
      else if (type.id.endsWith("wait"))
        info(
          "TAKES_EFFECT",
          "该不动产无在先查封，本次登记直接生效为查封",
          "No earlier seizure: this one takes effect at once",
        );
    }
    if (type.id === "seizure.release" && waiting.length > 0) {
      const target = seizures.find((s) => s.id === draft.seizure?.targetSeizureId);
      if (target?.status === "effective")
        info(
          "NEXT_TAKES_EFFECT",
          "解封登簿时，顺位第一的轮候查封自动生效",
          "On release, the first waiting seizure takes effect",
        );
    }
    if (type.acquisition === "decision" && draft.decision?.wholeUnit && waiting.length > 0)
      info(
        "WAITING_LAPSE",
        "首封法院处分整个不动产，轮候查封均失效",
        "The first court disposes of the whole unit: waiting seizures lapse",
        "法发〔2004〕5号 第28条",
      );
    return findings;
  },
};

/** R9 查封期限: at most 3 years; 续封 before expiry, at most 3 years each; expired ones lapse. */
export const seizurePeriodRule: Rule = {
  id: "R9",
  title_zh: "查封期限",
  title_en: "Seizure period",
  readsDraftDates: true,
  appliesTo: (type) => type.subject === "seizure",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const basis = "民诉法解释 第485条；细则 第92条";
    const block = (code: string, zh: string, en: string) =>
      findings.push(ruleFinding("R9", code, "block", zh, en, basis));
    const details = draft.seizure;
    if (!details) {
      block(
        "NO_DETAILS",
        "未载明查封法院、送达时间和查封期限",
        "Court, delivery time and period are missing",
      );
      return findings;
    }
    const { effects, seizures } = seizuresToday(state, ctx);
    for (const effect of effects)
      if (effect.kind === "seizure.lapse")
        findings.push(
          ruleFinding(
            "R9",
            "LAPSED",
            "info",
            `查封${effect.id}期限届满未续封，已于${effect.on}失效`,
            `Seizure ${effect.id} lapsed on ${effect.on}`,
            basis,
          ),
        );
    if (type.verb === "create") {
      if (details.periodEnd < details.periodStart || details.periodEnd > addYears(details.periodStart, 3))
        block(
          "PERIOD_TOO_LONG",
          "查封不动产的期限不得超过三年",
          "A seizure of real property lasts at most three years",
        );
      return findings;
    }
    const target = seizures.find((s) => s.id === details.targetSeizureId);
    if (!target || target.status === "released" || target.status === "lapsed") {
      block(
        "NOT_IN_FORCE",
        "所指查封不存在、已解除或已失效",
        "The seizure named is unknown, released or lapsed",
      );
      return findings;
    }
    if (target.court !== details.court)
      block("OTHER_COURT", "只有原查封法院可以解封或续封", "Only the seizing court may release or extend it");
    if (type.verb === "extend") {
      if (hasEnded(target.periodEnd, ctx.today))
        block(
          "TOO_LATE",
          `续封须在查封期限届满（${target.periodEnd}）前办理`,
          `An extension must arrive before the seizure ends (${target.periodEnd})`,
        );
      if (details.periodEnd > addYears(target.periodEnd, 3))
        block("EXTENSION_TOO_LONG", "续封期限不得超过三年", "An extension lasts at most three years");
    }
    return findings;
  },
};
