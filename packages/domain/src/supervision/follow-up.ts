import { err, type Finding, ok, type Result } from "../result";

/** 跟进: an alert is assigned, explained, then closed as justified or escalated. */
export type AlertStatus = "open" | "assigned" | "explained" | "justified" | "escalated";
export type FollowUpAction = "assign" | "explain" | "close-justified" | "escalate";

const NEXT: Record<FollowUpAction, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  assign: { from: ["open", "assigned"], to: "assigned" },
  explain: { from: ["open", "assigned", "explained"], to: "explained" },
  "close-justified": { from: ["open", "assigned", "explained"], to: "justified" },
  escalate: { from: ["open", "assigned", "explained"], to: "escalated" },
};

export const ALERT_STATUS_NAMES: Record<AlertStatus, { zh: string; en: string }> = {
  open: { zh: "待处理", en: "open" },
  assigned: { zh: "已指派", en: "assigned" },
  explained: { zh: "已说明", en: "explained" },
  justified: { zh: "已办结（合理）", en: "closed as justified" },
  escalated: { zh: "已移交", en: "escalated" },
};

/** The status after a follow-up, or why it may not be taken (closed alerts stay closed; reasons are required). */
export const followUp = (
  status: AlertStatus,
  action: FollowUpAction,
  input: { note: string; assignee?: string | null },
): Result<AlertStatus, Finding[]> => {
  const step = NEXT[action];
  if (!step.from.includes(status))
    return err([
      {
        code: "SUPERVISION.ALERT_CLOSED",
        severity: "block",
        message_zh: `预警已处于“${ALERT_STATUS_NAMES[status].zh}”状态，不能再${action === "assign" ? "指派" : "处理"}`,
        message_en: `The alert is ${ALERT_STATUS_NAMES[status].en}; it cannot be followed up that way`,
      },
    ]);
  if (input.note.trim().length < 2)
    return err([
      {
        code: "SUPERVISION.REASON_REQUIRED",
        severity: "block",
        message_zh: "请写明跟进说明或办结理由",
        message_en: "Write the note or the reason for closing",
      },
    ]);
  if (action === "assign" && !input.assignee)
    return err([
      {
        code: "SUPERVISION.ASSIGNEE_REQUIRED",
        severity: "block",
        message_zh: "指派须写明被指派的工作人员",
        message_en: "An assignment names the staff member",
      },
    ]);
  return ok(step.to);
};
