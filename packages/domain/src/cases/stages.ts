/**
 * Case stages (案件阶段). The main line is 申请 → 受理 → 审核 → 登簿 → 缮证 → 发证 → 归档; the side
 * stages pause the clock (补正, 公告, 中止) or end the case without registering (不予受理, 不予登记,
 * 撤回).
 */
export const CASE_STAGES = [
  "draft",
  "submitted",
  "accepted",
  "reviewed",
  "registered",
  "certified",
  "issued",
  "archived",
  "correction",
  "announcing",
  "suspended",
  "not-accepted",
  "refused",
  "withdrawn",
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_NAMES: Record<CaseStage, { zh: string; en: string }> = {
  draft: { zh: "申请", en: "draft" },
  submitted: { zh: "已提交", en: "submitted" },
  accepted: { zh: "受理", en: "accepted" },
  reviewed: { zh: "审核", en: "reviewed" },
  registered: { zh: "登簿", en: "registered" },
  certified: { zh: "缮证", en: "certified" },
  issued: { zh: "发证", en: "issued" },
  archived: { zh: "归档", en: "archived" },
  correction: { zh: "补正", en: "awaiting correction" },
  announcing: { zh: "公告", en: "announcement" },
  suspended: { zh: "中止", en: "suspended" },
  "not-accepted": { zh: "不予受理", en: "not accepted" },
  refused: { zh: "不予登记", en: "refused" },
  withdrawn: { zh: "撤回", en: "withdrawn" },
};

/** Stages at or after 登簿: the right has changed (R1), so withdrawal is over (R28). */
export const RECORDED_STAGES: readonly CaseStage[] = ["registered", "certified", "issued", "archived"];
