import { requireBusinessType } from "../catalogue";
import { hasEnded } from "../periods";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import { isRightTransfer } from "./rule-views";

/**
 * R18 居住权: created by registration on another's dwelling, never transferred or inherited, ends at
 * its term or the holder's death and is then cancelled; the home may be sold and the right stays.
 */
export const habitationRightRule: Rule = {
  id: "R18",
  title_zh: "居住权",
  title_en: "Habitation right",
  appliesTo: (type) => type.subject === "habitation" || isRightTransfer(type),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const block = (code: string, zh: string, en: string, basis: string) =>
      findings.push(ruleFinding("R18", code, "block", zh, en, basis));
    const current = state.habitations.filter((h) => h.status === "current");
    if (isRightTransfer(type)) {
      if (draft.habitation?.targetId)
        block(
          "NOT_TRANSFERABLE",
          "居住权不得转让、继承",
          "A habitation right cannot be transferred or inherited",
          "民法典 第369条",
        );
      else if (current.length > 0)
        findings.push(
          ruleFinding(
            "R18",
            "RIGHT_STAYS",
            "info",
            "该住宅设有居住权，转让后居住权继续存在",
            "The home carries a habitation right, which survives the transfer",
            "民法典 第366条",
          ),
        );
      return findings;
    }
    if (type.verb === "create") {
      if (state.use !== "residential")
        block(
          "NOT_A_DWELLING",
          "居住权只能在他人的住宅上设立",
          "A habitation right is created only on a dwelling",
          "民法典 第366条",
        );
      if (draft.termEnd && hasEnded(draft.termEnd, ctx.today))
        block("TERM_PASSED", "居住权期限已届满", "The habitation term has already ended", "民法典 第370条");
      return findings;
    }
    const target = current.find((h) => h.id === draft.habitation?.targetId);
    const ended = draft.habitation?.ended;
    const proven =
      (ended === "term" && target?.termEnd !== undefined && hasEnded(target.termEnd, ctx.today)) ||
      (ended === "death" &&
        (target?.holderDeceased || draft.materials.some((m) => m.id === "habitation-end-proof"))) ||
      (ended === "agreement" &&
        ["right-holder", "obligor"].every((role) => draft.parties.some((p) => p.role === role && p.signed)));
    if (!proven)
      block(
        "NOT_ENDED",
        "居住权未届期限、居住权人未死亡，亦无双方解除协议，不能注销",
        "The habitation right has not ended (term, death or agreement of both)",
        "民法典 第370条",
      );
    return findings;
  },
};
