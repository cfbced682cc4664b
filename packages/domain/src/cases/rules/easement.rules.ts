import { requireBusinessType } from "../catalogue";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import { isRightTransfer, rightOf } from "./rule-views";

/**
 * R19 地役权: no longer than the remaining term of the underlying use rights; follows the dominant
 * land and is never transferred or mortgaged alone; registered on the servient parcel.
 */
export const easementRule: Rule = {
  id: "R19",
  title_zh: "地役权",
  title_en: "Easement",
  appliesTo: (type) =>
    type.subject === "easement" ||
    (type.subject === "mortgage" && type.verb === "create") ||
    isRightTransfer(type),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const block = (code: string, zh: string, en: string, basis: string) =>
      findings.push(ruleFinding("R19", code, "block", zh, en, basis));
    if (type.subject === "mortgage") {
      if (draft.mortgage?.collateral === "easement")
        block(
          "MORTGAGED_ALONE",
          "地役权不得单独抵押",
          "An easement cannot be mortgaged alone",
          "民法典 第381条",
        );
      return findings;
    }
    if (isRightTransfer(type)) {
      if (state.easements.some((e) => e.status === "current" && e.side === "dominant"))
        findings.push(
          ruleFinding(
            "R19",
            "FOLLOWS_DOMINANT",
            "info",
            "需役地转让，地役权一并转让",
            "The easement passes with the dominant land",
            "民法典 第380条",
          ),
        );
      return findings;
    }
    if (type.id === "easement.transfer") {
      const combinedWithTransfer =
        ctx.combined?.typeIds.some((id) => isRightTransfer(requireBusinessType(id))) ?? false;
      if (!draft.easement?.withDominantTransfer && !combinedWithTransfer)
        block(
          "TRANSFERRED_ALONE",
          "地役权不得单独转让，应随需役地一并转让",
          "An easement is not transferred alone, only with the dominant land",
          "民法典 第380条",
        );
      return findings;
    }
    if (type.id !== "easement.create") return findings;
    const servientEnd = rightOf(draft, state)?.termEnd;
    const dominantEnd = draft.easement?.dominantTermEnd;
    const limit = [servientEnd, dominantEnd].filter((d): d is string => d !== undefined).sort()[0];
    if (!draft.termEnd)
      block("NO_TERM", "地役权合同须约定期限", "The easement's term must be stated", "民法典 第373条");
    else if (limit && draft.termEnd > limit)
      block(
        "OUTLASTS_USE_RIGHT",
        `地役权期限不得超过用益物权的剩余期限（${limit}）`,
        `The easement cannot outlast the underlying use right (${limit})`,
        "民法典 第377条",
      );
    findings.push(
      ruleFinding(
        "R19",
        "WHERE_RECORDED",
        "info",
        `地役权记载于供役地登记簿，并在需役地（${draft.easement?.dominantUnitCode ?? "未载明"}）登记簿中附记`,
        `Recorded on the servient parcel and noted on the dominant one (${draft.easement?.dominantUnitCode ?? "not stated"})`,
        "细则 第60–64条",
      ),
    );
    return findings;
  },
};
