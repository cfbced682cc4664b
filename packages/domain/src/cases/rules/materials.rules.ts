import type { BusinessType, MaterialCondition, MaterialRequirement } from "../business-type";
import type { CaseDraft } from "../case-draft";
import { requireBusinessType } from "../catalogue";
import {
  MATERIALS,
  type MaterialDefinition,
  type MaterialId,
  materialFetchSource,
  materialRequiredAt,
} from "../materials";
import {
  type Rule,
  type RuleContext,
  type RuleFinding,
  type RuleId,
  type RuleStage,
  ruleFinding,
} from "./rule";

/** Stages at which a material first asked for at `register` is due (the tax proof). */
const REGISTER_OR_LATER: readonly RuleStage[] = ["register", "issue"];

/** Whether R29 asks for this requirement at the rules' stage (default: submit). */
const dueAt = (requirement: MaterialRequirement, stage: RuleStage | undefined): boolean =>
  [requirement.id, ...(requirement.anyOf ?? [])].some((id) => materialRequiredAt(id) === "submit") ||
  REGISTER_OR_LATER.includes(stage ?? "submit");

/**
 * A material the tax department supplies: its confirmation of payment or exemption (完税信息), on
 * file once the tax is cleared, is the proof (契税法 11).
 */
const suppliedByTax = (ids: readonly MaterialId[], draft: CaseDraft): boolean =>
  draft.taxCleared && ids.some((id) => (MATERIALS[id] as MaterialDefinition).fetch === "tax");

const conditionHolds = (condition: MaterialCondition, draft: CaseDraft): boolean => {
  switch (condition) {
    case "agent-present":
      return draft.parties.some((p) => p.role === "agent");
    case "administrator-present":
      return draft.parties.some((p) => p.role === "estate-administrator");
    case "interested-party-present":
      return draft.parties.some((p) => p.role === "interested-party");
    case "holder-applies":
      return draft.parties.some((p) => p.role === "right-holder" && p.signed);
  }
};

/** Why a required material is not satisfied, or undefined when it is. */
const materialProblem = (
  requirement: MaterialRequirement,
  draft: CaseDraft,
  ctx: RuleContext,
): "missing" | "commitment-not-allowed" | "not-an-e-licence" | undefined => {
  const ids = [requirement.id, ...(requirement.anyOf ?? [])];
  if (suppliedByTax(ids, draft)) return undefined;
  const supplied = draft.materials.filter((m) => ids.includes(m.id));
  if (supplied.length === 0) return "missing";
  const acceptable = supplied.some((m) => {
    const definition = MATERIALS[m.id] as { eLicence?: true; commitment?: true };
    if (m.source === "commitment") return definition.commitment === true && ctx.office.allowsCommitments;
    if (m.source === "e-licence") return definition.eLicence === true;
    return true;
  });
  if (acceptable) return undefined;
  return supplied.some((m) => m.source === "commitment") ? "commitment-not-allowed" : "not-an-e-licence";
};

const materialFindings = (
  type: BusinessType,
  draft: CaseDraft,
  ctx: RuleContext,
  rule: RuleId,
  basis: string,
) =>
  type.materials
    .filter((r) => (rule === "R25" ? r.rule === "R25" : r.rule === undefined))
    .filter((r) => r.when === undefined || conditionHolds(r.when, draft))
    .filter((r) => dueAt(r, ctx.stage))
    .flatMap((r): RuleFinding[] => {
      const problem = materialProblem(r, draft, ctx);
      if (!problem) return [];
      const names = [r.id, ...(r.anyOf ?? [])].map((id) => MATERIALS[id].name_zh).join("或");
      const names_en = [r.id, ...(r.anyOf ?? [])].map((id) => MATERIALS[id].name_en).join(" or ");
      const onConfirm = [r.id, ...(r.anyOf ?? [])].every((id) => materialFetchSource(id) === "elicence");
      const [zh, en] =
        problem === "missing" && onConfirm
          ? [
              `待当事人确认签名后从电子证照库调取：${names}`,
              `Fetched from the e-licence library once the parties confirm: ${names_en}`,
            ]
          : problem === "missing"
            ? [`缺少材料：${names}`, `Missing: ${names_en}`]
            : problem === "commitment-not-allowed"
              ? [
                  `本机构不接受以告知承诺代替：${names}`,
                  `This office does not accept a commitment instead of: ${names_en}`,
                ]
              : [`该材料不能以电子证照代替：${names}`, `Cannot be supplied as an e-licence: ${names_en}`];
      return [ruleFinding(rule, `MATERIAL.${r.id}`, "block", zh, en, basis)];
    });

/**
 * R25 继承: death proof, the will or all statutory heirs' agreement (or a court document), kinship
 * proof; no notarisation required; an estate administrator declares the materials true; second-order
 * heirs need not appear beside a first-order heir; hard proofs may be commitments where allowed.
 */
export const inheritanceRule: Rule = {
  id: "R25",
  title_zh: "继承、受遗赠登记",
  title_en: "Inheritance",
  appliesTo: (type) => type.acquisition === "inheritance" || type.acquisition === "bequest",
  check: (draft, _state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings = materialFindings(type, draft, ctx, "R25", "细则 第14条");
    const heirs = draft.parties.filter((p) => p.role === "heir");
    if (heirs.some((h) => h.heirOrder === 1) && heirs.some((h) => h.heirOrder === 2))
      findings.push(
        ruleFinding(
          "R25",
          "SECOND_ORDER",
          "info",
          "有第一顺序继承人继承的，第二顺序继承人不继承，无需到场",
          "With a first-order heir, second-order heirs do not inherit and need not appear",
          "民法典 第1127条",
        ),
      );
    return findings;
  },
};

/**
 * R29 一次性告知: every missing material and required party is listed at once, so the applicant
 * completes the case in one go (条例 17).
 */
export const oneTimeNoticeRule: Rule = {
  id: "R29",
  title_zh: "一次性告知",
  title_en: "Everything missing at once",
  appliesTo: () => true,
  check: (draft, _state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings = materialFindings(type, draft, ctx, "R29", "条例 第16条、第17条");
    for (const required of type.parties.filter((p) => p.required))
      if (!draft.parties.some((p) => p.role === required.role))
        findings.push(
          ruleFinding(
            "R29",
            `PARTY.${required.role}`,
            "block",
            `缺少当事人：${required.label_zh}`,
            `Missing party: ${required.label_en}`,
            "条例 第16条、第17条",
          ),
        );
    return findings;
  },
};
