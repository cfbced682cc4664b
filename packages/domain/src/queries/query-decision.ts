/**
 * Deciding a query application (R30): first what the application itself may ask (kind, scope,
 * purpose, subject, proof: an input error when broken), then, against the register, whether it is
 * answered, queued for a clerk or refused with written reasons.
 */
import type { Finding } from "../result";
import {
  needsApproval,
  QUERENT_KIND_NAMES,
  QUERY_KIND_RULES,
  QUERY_PURPOSE_NAMES,
  QUERY_SCOPE_NAMES,
  type QuerentKind,
  type QueryPurpose,
  type QueryScope,
} from "./query-rules";

/** How the subject is named: a unit by code, certificate number or address, or a person's property. */
export const QUERY_SUBJECT_KINDS = ["unit", "certificate", "address", "person"] as const;
export type QuerySubjectKind = (typeof QUERY_SUBJECT_KINDS)[number];

export type QueryApplication = {
  kind: QuerentKind;
  purpose: QueryPurpose;
  scope: QueryScope;
  subjectKind: QuerySubjectKind;
  /** Proof presented (document names and numbers, uploaded files): required of material-backed kinds. */
  proof: readonly string[];
};

const finding = (code: string, zh: string, en: string, basis: string): Finding => ({
  code,
  severity: "block",
  message_zh: zh,
  message_en: en,
  basis,
});

/** What the application may ask at all: empty when it is well-formed for its kind of querent. */
export function checkApplication(app: QueryApplication): Finding[] {
  const rule = QUERY_KIND_RULES[app.kind];
  const who = QUERENT_KIND_NAMES[app.kind];
  const findings: Finding[] = [];
  if (!rule.scopes.includes(app.scope)) {
    const scope = QUERY_SCOPE_NAMES[app.scope];
    findings.push(
      finding(
        "QUERY.SCOPE_NOT_ALLOWED",
        `${who.zh}不得查询“${scope.zh}”`,
        `A querent of kind "${who.en}" may not ask for "${scope.en}"`,
        rule.basis,
      ),
    );
  }
  if (!rule.purposes.includes(app.purpose)) {
    const purpose = QUERY_PURPOSE_NAMES[app.purpose];
    findings.push(
      finding(
        "QUERY.PURPOSE_NOT_ALLOWED",
        `${who.zh}的查询目的不能是“${purpose.zh}”`,
        `"${purpose.en}" is not a purpose a querent of kind "${who.en}" may state`,
        "条例 28; 查询办法 第24条",
      ),
    );
  }
  // 利害关系人 search by unit, never by the holder's name; by person only for oneself and state organs.
  if ((app.subjectKind === "person") !== (app.scope === "holdings")) {
    findings.push(
      finding(
        "QUERY.SUBJECT_NOT_ALLOWED",
        app.scope === "holdings" ? "名下不动产查询须按人查询" : "此范围须按不动产单元、证号或坐落查询",
        app.scope === "holdings"
          ? "A holdings query names a person"
          : "This scope is queried by unit code, certificate number or address",
        "查询办法 第20条",
      ),
    );
  }
  if (rule.proof.length > 0 && app.proof.filter((p) => p.trim().length > 0).length === 0) {
    findings.push(
      finding(
        "QUERY.PROOF_MISSING",
        `须提交：${rule.proof.join("、")}`,
        `Proof is required: ${rule.proof.join(", ")}`,
        rule.basis,
      ),
    );
  }
  return findings;
}

export type QueryOutcome = { kind: "answer" } | { kind: "queue" } | { kind: "refuse"; reason: Finding };

/**
 * Against the register: refused when the unit is not registered (or the person holds nothing), or
 * when a holder-side querent does not hold it; queued when a clerk must check the materials;
 * otherwise answered at once. Heirs and guardians act for a holder, so their claim is the clerk's
 * to check, not the register's.
 */
export function decideQuery(
  app: Pick<QueryApplication, "kind" | "scope">,
  facts: { registered: boolean; querentHolds: boolean },
): QueryOutcome {
  if (!facts.registered)
    return {
      kind: "refuse",
      reason: finding(
        "QUERY.UNIT_NOT_REGISTERED",
        "该不动产未登记或查无记载，不予查询",
        "The property is not registered: the query is refused",
        "查询办法 第13条",
      ),
    };
  if (app.kind === "holder" && !facts.querentHolds)
    return {
      kind: "refuse",
      reason: finding(
        "QUERY.NOT_HOLDER",
        "查询人不是该不动产的权利人，不符合查询条件",
        "The querent does not hold this property: the requirements are not met",
        "查询办法 第14条",
      ),
    };
  return needsApproval(app.kind, app.scope) ? { kind: "queue" } : { kind: "answer" };
}

/** A clerk's refusal of a queued application, with the written reason the querent receives. */
export function refusalByClerk(reason: string): Finding {
  return finding(
    "QUERY.REQUIREMENTS_NOT_MET",
    `经审查不符合查询条件：${reason}`,
    `Refused after review: ${reason}`,
    "查询办法 第13条",
  );
}
