import crypto from "node:crypto";
import {
  COMPENSATION_BASES,
  type CompensationDecision,
  type CompensationReview,
  checkDecision,
  NEXT_STEP,
  paymentHolds,
  reviewHolds,
} from "@yulin/domain";
import { chinaDateOf } from "../cases/case-clock";
import { findDisplayNames } from "../identity/account.repository";
import { officeExists } from "../identity/office.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { scopePrefixes } from "../register/register.access";
import { type ClaimRow, findClaim, insertClaim, listClaims, updateClaim } from "./compensation.repository";

export type PaymentRecord = { paidFen: number; reference: string; paidOn: string };

const iso = (d: Date | string) => new Date(d).toISOString();

const present = (r: ClaimRow) => {
  const review = r.review as (CompensationReview & { by: string; at: string }) | null;
  return {
    number: r.number,
    office: r.office.trim(),
    caseRef: r.case_ref,
    claimantName: r.claimant_name,
    lossFen: Number(r.loss_fen),
    description: r.description,
    filedAt: iso(r.filed_at),
    status: r.status,
    review: review ? { ...review, basisText: review.basis.map((b) => COMPENSATION_BASES[b]) } : null,
    decision: r.decision as (CompensationDecision & { by: string; at: string }) | null,
    payment: r.payment as (PaymentRecord & { by: string; at: string }) | null,
  };
};
export type ClaimView = ReturnType<typeof present>;

/**
 * 赔偿 (民法典 222, 条例 29): a claimant files a claim for a loss caused by a registry error; the
 * office's supervisor reviews it citing the legal basis, decides (grant up to the loss, or refuse)
 * and records the payment. Each step is checked against the claim as locked, and audited.
 */
export function createCompensationService(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  const supervises = (ctx: RequestContext, office: string) =>
    ctx.actor !== null && scopePrefixes(ctx.actor, "supervision.view").some((p) => office.startsWith(p));

  async function step(
    ctx: RequestContext,
    number: string,
    action: "review" | "decide" | "pay",
    change: (tx: Tx, claim: ClaimRow, stamp: { by: string; at: string }) => Promise<ClaimRow>,
  ) {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const row = await inTransaction(db, async (tx) => {
      const claim = await findClaim(tx, number, true);
      if (!claim || !supervises(ctx, claim.office)) {
        await writeAudit(tx, ctx, { action: `compensation.${action}`, outcome: "denied", targetId: number });
        throw new AppError("COMPENSATION.NOT_FOUND");
      }
      if (NEXT_STEP[claim.status] !== action)
        throw new AppError("COMPENSATION.WRONG_STEP", { status: claim.status, step: action });
      const changed = await change(tx, claim, { by: ctx.actor!.accountId, at: deps.now().toISOString() });
      await writeAudit(tx, ctx, {
        action: `compensation.${action}`,
        outcome: "success",
        targetType: "compensation",
        targetId: number,
      });
      return changed;
    });
    return present(row);
  }

  return {
    async file(
      ctx: RequestContext,
      input: { office: string; caseRef?: string | undefined; lossFen: number; description: string },
    ) {
      const actor = ctx.actor;
      if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
      if (!(await officeExists(db, input.office)))
        throw new AppError("OFFICE.UNKNOWN", { office: input.office });
      const names = await findDisplayNames(db, [actor.accountId]);
      const day = chinaDateOf(deps.now()).replaceAll("-", "");
      const row = await inTransaction(db, async (tx) => {
        const claim = await insertClaim(tx, {
          number: `PC${input.office}${day}${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
          office: input.office,
          case_ref: input.caseRef?.trim() || null,
          claimant_account: actor.accountId,
          claimant_name: names.get(actor.accountId) ?? "",
          loss_fen: input.lossFen,
          description: input.description.trim(),
        });
        await writeAudit(tx, ctx, {
          action: "compensation.file",
          outcome: "success",
          targetType: "compensation",
          targetId: claim.number,
        });
        return claim;
      });
      return present(row);
    },

    async read(ctx: RequestContext, number: string) {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const claim = await findClaim(db, number);
      if (!claim || (claim.claimant_account !== ctx.actor.accountId && !supervises(ctx, claim.office)))
        throw new AppError("COMPENSATION.NOT_FOUND");
      return present(claim);
    },

    /** The caller's own claims, or, for a supervisor, the claims of the supervised offices. */
    async list(ctx: RequestContext) {
      const actor = ctx.actor;
      if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const prefixes = scopePrefixes(actor, "supervision.view");
      const rows = await listClaims(
        db,
        prefixes.length > 0 ? { prefixes } : { account: actor.accountId },
        200,
      );
      return rows.map(present);
    },

    review: (ctx: RequestContext, number: string, review: CompensationReview) =>
      step(ctx, number, "review", async (tx, claim, stamp) => {
        if (!reviewHolds(review))
          throw new AppError("REQUEST.INVALID", { basis: "at least one legal basis" });
        return updateClaim(tx, claim.id, {
          status: "reviewed",
          review: JSON.stringify({ ...review, ...stamp }),
        });
      }),

    decide: (ctx: RequestContext, number: string, decision: CompensationDecision) =>
      step(ctx, number, "decide", async (tx, claim, stamp) => {
        const check = checkDecision(claim.review as CompensationReview, Number(claim.loss_fen), decision);
        if (!check.ok) throw new AppError("COMPENSATION.INVALID_DECISION", { reason: check.reason });
        return updateClaim(tx, claim.id, {
          status: "decided",
          decision: JSON.stringify({ ...decision, ...stamp }),
        });
      }),

    pay: (ctx: RequestContext, number: string, payment: PaymentRecord) =>
      step(ctx, number, "pay", async (tx, claim, stamp) => {
        const decision = claim.decision as CompensationDecision;
        if (!paymentHolds(decision, payment.paidFen))
          throw new AppError("COMPENSATION.INVALID_DECISION", {
            reason: decision.granted ? "the payment must equal the award" : "a refused claim is not paid",
          });
        return updateClaim(tx, claim.id, {
          status: "paid",
          payment: JSON.stringify({ ...payment, ...stamp }),
        });
      }),
  };
}

export type CompensationService = ReturnType<typeof createCompensationService>;
