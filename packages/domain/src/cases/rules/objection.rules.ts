import { requireBusinessType } from "../catalogue";
import { isObjectionEffective } from "../time-effects";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import { effectiveObjections } from "./rule-views";

/**
 * R12 异议: does not block a disposal, but the applicant must sign that they know of it and bear the
 * risk (细则 84); a lapsed objection cannot be filed again on the same matter and grounds (细则 83).
 */
export const objectionRiskRule: Rule = {
  id: "R12",
  title_zh: "异议登记",
  title_en: "Objection",
  appliesTo: (type) => type.disposal || type.id === "objection.create",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    if (type.id === "objection.create") {
      const applicants = new Set(
        draft.parties.filter((p) => p.role === "interested-party").map((p) => p.personId),
      );
      const repeated = state.objections.some(
        (o) =>
          applicants.has(o.applicantId) &&
          o.matter === draft.objection?.matter &&
          o.grounds === draft.objection?.grounds &&
          (o.status === "lapsed" ||
            (o.status === "effective" && !isObjectionEffective(o, ctx.today, ctx.calendar))),
      );
      if (repeated)
        findings.push(
          ruleFinding(
            "R12",
            "REPEATED",
            "block",
            "异议登记失效后，就同一事项以同一理由再次申请的，不予受理",
            "After an objection lapsed, a new one on the same matter and grounds is not accepted",
            "细则 第83条",
          ),
        );
      return findings;
    }
    const party = new Set(draft.parties.map((p) => p.personId));
    for (const objection of effectiveObjections(state, ctx)) {
      const recorded = draft.riskStatements.some(
        (r) => r.objectionId === objection.id && party.has(r.personId),
      );
      findings.push(
        ruleFinding(
          "R12",
          "OBJECTION_EXISTS",
          "warn",
          `该不动产存在异议登记（${objection.id}）；申请人须书面承诺知悉异议并自担风险后方可继续办理`,
          `Objection ${objection.id} is registered; the applicant must sign a statement accepting the risk to proceed`,
          "细则 第84条；民法典 第220条",
          { commitment: { kind: "objection-risk", ref: objection.id, recorded } },
        ),
      );
    }
    return findings;
  },
};
