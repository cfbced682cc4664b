import { ALERT_RULE_IDS } from "@yulin/domain";
import { z } from "zod";

export const ZAlertStatus = z.enum(["open", "assigned", "explained", "justified", "escalated"]);
export const ZAlertRule = z.enum(ALERT_RULE_IDS as [string, ...string[]]);

export const ZAlert = z.object({
  id: z.string(),
  office: z.string(),
  rule: z.string(),
  ruleName_zh: z.string(),
  ruleName_en: z.string(),
  kind: z.enum(["integrity", "risk"]),
  caseIds: z.array(z.string()),
  transitionIds: z.array(z.string()),
  auditIds: z.array(z.string()),
  summary_zh: z.string(),
  summary_en: z.string(),
  figures: z.record(z.string(), z.union([z.string(), z.number()])),
  status: ZAlertStatus,
  assignee: z.string().nullable(),
  raisedAt: z.string(),
  updatedAt: z.string(),
});

export const ZAlertDetail = z.object({
  alert: ZAlert,
  followUps: z.array(
    z.object({
      action: z.enum(["assign", "explain", "close-justified", "escalate"]),
      note: z.string(),
      assignee: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});

export const ZFollowUp = z.strictObject({
  action: z.enum(["assign", "explain", "close-justified", "escalate"]),
  note: z.string().max(2000),
  assignee: z.string().uuid().optional(),
});

export const ZThresholds = z.object({
  office: z.string(),
  thresholds: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      default: z.number(),
      min: z.number(),
      max: z.number(),
      label_zh: z.string(),
      label_en: z.string(),
      own: z.boolean(),
    }),
  ),
});
