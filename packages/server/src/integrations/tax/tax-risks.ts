import { type Actor, can } from "@yulin/domain";
import type { RequestContext } from "../../platform/audit/audit";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { findRiskCandidates } from "./tax.repository";

export type TaxRisk = {
  kind:
    | "confirmed-not-registered"
    | "confirmation-mismatch"
    | "unknown-case"
    | "paid-not-confirmed"
    | "registration-not-told";
  severity: "block" | "warn" | "info";
  caseRef: string | null;
  jurisdiction: string | null;
  since: string;
  message_zh: string;
  message_en: string;
  details: Record<string, unknown>;
};

/**
 * 完税双向核验风险清单: items the two sides do not agree on. Supervisors see their jurisdictions,
 * administrators everything.
 */
export async function listTaxRisks(
  db: Database,
  ctx: RequestContext,
  options: { now: Date; confirmedDays: number; paidHours: number },
): Promise<TaxRisk[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
  const operator = can(actor, "integrations.operate");
  const supervises = actor.roles.some((r) => r.role === "supervisor");
  if (!operator && !supervises) throw new AppError("AUTH.FORBIDDEN");
  const visible = (jurisdiction: string | null) =>
    operator || (jurisdiction !== null && can(actor as Actor, "supervision.view", { jurisdiction }));

  const c = await findRiskCandidates(db, {
    confirmedBefore: new Date(options.now.getTime() - options.confirmedDays * 86_400_000),
    paidBefore: new Date(options.now.getTime() - options.paidHours * 3_600_000),
  });
  const risks: TaxRisk[] = [];
  for (const m of c.mismatched) {
    risks.push(
      m.declared
        ? {
            kind: "confirmation-mismatch",
            severity: "block",
            caseRef: m.case_ref,
            jurisdiction: m.jurisdiction,
            since: m.received_at.toISOString(),
            message_zh: "完税凭证与当前核定税额不一致",
            message_en: "A tax confirmation does not match the current assessment",
            details: {
              voucherNo: m.voucher_no,
              confirmedFen: m.amount_fen,
              assessmentNo: m.assessment_no,
              currentAssessmentNo: m.current_no,
              currentTotalFen: m.current_total,
            },
          }
        : {
            kind: "unknown-case",
            severity: "warn",
            caseRef: m.case_ref,
            jurisdiction: null,
            since: m.received_at.toISOString(),
            message_zh: "税务部门确认了本平台未申报的案件",
            message_en: "The tax bureau confirmed a case this platform never declared",
            details: { voucherNo: m.voucher_no, amountFen: m.amount_fen },
          },
    );
  }
  for (const u of c.unregistered) {
    risks.push({
      kind: "confirmed-not-registered",
      severity: "info",
      caseRef: u.case_ref,
      jurisdiction: u.jurisdiction,
      since: u.received_at.toISOString(),
      message_zh: `已完税超过${options.confirmedDays}天仍未登簿`,
      message_en: `Tax confirmed more than ${options.confirmedDays} days ago, not yet registered`,
      details: { voucherNo: u.voucher_no, amountFen: u.amount_fen },
    });
  }
  for (const p of c.paidUnconfirmed) {
    risks.push({
      kind: "paid-not-confirmed",
      severity: "warn",
      caseRef: p.case_ref,
      jurisdiction: p.jurisdiction,
      since: p.paid_at.toISOString(),
      message_zh: "税费已缴纳但未收到税务部门完税确认",
      message_en: "Taxes were paid but the tax bureau has not confirmed them",
      details: { orderNo: p.order_no, treasuryFen: Number(p.treasury_fen) },
    });
  }
  for (const t of c.untold) {
    const summary = t.summary as { caseRef?: string; voucherNo?: string };
    risks.push({
      kind: "registration-not-told",
      severity: "warn",
      caseRef: summary.caseRef ?? null,
      jurisdiction: t.jurisdiction,
      since: t.updated_at.toISOString(),
      message_zh: "登簿结果未能通知税务部门（消息已进入死信）",
      message_en: "The tax bureau could not be told of the registration (dead-lettered)",
      details: { outboxId: t.id, voucherNo: summary.voucherNo ?? null, lastError: t.last_error },
    });
  }
  return risks.filter((r) => visible(r.jurisdiction));
}
