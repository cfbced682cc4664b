import { can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  findLoan,
  findRecord,
  insertEvent,
  insertLoan,
  listOpenLoans,
  updateLoan,
  updateRecord,
} from "./archive.repository";
import type { ArchiveDeps } from "./archive.service";
import { authorizeArchive, scopesOf } from "./archive-access";

/**
 * 借阅: a member of staff asks to use a record (or the archivist lends it to them), the archivist
 * approves, the record is out until it comes back. Every step is in the record's log; a borrower
 * who may not see the record is refused (ARCHIVE.LOAN_NOT_ALLOWED) and the refusal audited.
 */
export function createArchiveLoansService(deps: ArchiveDeps) {
  const { db, ports, now } = deps;

  async function request(
    ctx: RequestContext,
    archiveNo: string,
    input: { purpose: string; borrower?: string; dueOn?: string },
  ) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const row = await findRecord(db, archiveNo);
    const lending = input.borrower !== undefined;
    // The archivist lends on a borrower's behalf; anyone else asks for themselves.
    await authorizeArchive(db, ctx, lending ? "archive.manage" : "archive.borrow", {
      jurisdiction: row?.jurisdiction,
      id: archiveNo,
    });
    const borrower = lending ? await ports.actorOf(input.borrower!) : actor;
    if (!borrower || !can(borrower, "archive.borrow", { jurisdiction: row!.jurisdiction })) {
      await writeAudit(db, ctx, {
        action: "archive.lend",
        outcome: "denied",
        targetType: "archive",
        targetId: archiveNo,
        jurisdiction: row!.jurisdiction,
        details: { code: "ARCHIVE.LOAN_NOT_ALLOWED", borrower: input.borrower ?? actor.accountId },
      });
      throw new AppError("ARCHIVE.LOAN_NOT_ALLOWED", { archiveNo });
    }
    return inTransaction(db, async (tx) => {
      const locked = (await findRecord(tx, archiveNo, { lock: true }))!;
      if (locked.status !== "archived") throw new AppError("ARCHIVE.WRONG_STATUS", { status: locked.status });
      const at = now();
      const id = await insertLoan(tx, {
        archiveNo,
        borrowerId: borrower.accountId,
        purpose: input.purpose,
        status: lending ? "lent" : "requested",
        requestedBy: actor.accountId,
        at,
        approvedBy: lending ? actor.accountId : null,
        dueOn: input.dueOn ?? null,
      });
      if (lending) await updateRecord(tx, archiveNo, { status: "lent" });
      await insertEvent(tx, {
        archiveNo,
        action: lending ? "lend" : "loan-request",
        actorId: actor.accountId,
        at,
        details: { loanId: id, borrowerId: borrower.accountId, purpose: input.purpose },
      });
      await writeAudit(tx, ctx, {
        action: lending ? "archive.lend" : "archive.loan-request",
        outcome: "success",
        targetType: "archive",
        targetId: archiveNo,
        jurisdiction: locked.jurisdiction,
        purpose: input.purpose,
      });
      return { loanId: id, status: lending ? ("lent" as const) : ("requested" as const) };
    });
  }

  /** Approve (lend) or refuse a request, or take a lent record back. */
  async function decide(ctx: RequestContext, loanId: number, decision: "approve" | "refuse" | "return") {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    // Only an archivist decides: anyone else is refused before a loan is looked up.
    if (scopesOf(ctx).length === 0) throw new AppError("AUTH.FORBIDDEN");
    return inTransaction(db, async (tx) => {
      const loan = await findLoan(tx, loanId);
      if (!loan) throw new AppError("ARCHIVE.LOAN_NOT_FOUND");
      const row = (await findRecord(tx, loan.archive_no, { lock: true }))!;
      if (!can(actor, "archive.manage", { jurisdiction: row.jurisdiction }))
        throw new AppError("ARCHIVE.LOAN_NOT_FOUND");
      const wanted = decision === "return" ? "lent" : "requested";
      if (loan.status !== wanted || (decision === "approve" && row.status !== "archived"))
        throw new AppError("ARCHIVE.WRONG_STATUS", { loan: loan.status, record: row.status });
      const at = now();
      if (decision === "approve") {
        await updateLoan(tx, loanId, { status: "lent", approved_by: actor.accountId, approved_at: at });
        await updateRecord(tx, row.archive_no, { status: "lent" });
      } else if (decision === "refuse") {
        await updateLoan(tx, loanId, { status: "refused", approved_by: actor.accountId, approved_at: at });
      } else {
        await updateLoan(tx, loanId, { status: "returned", returned_at: at, received_by: actor.accountId });
        await updateRecord(tx, row.archive_no, { status: "archived" });
      }
      const action = { approve: "lend", refuse: "loan-refuse", return: "return" }[decision];
      await insertEvent(tx, {
        archiveNo: row.archive_no,
        action,
        actorId: actor.accountId,
        at,
        details: { loanId },
      });
      await writeAudit(tx, ctx, {
        action: `archive.${action}`,
        outcome: "success",
        targetType: "archive",
        targetId: row.archive_no,
        jurisdiction: row.jurisdiction,
      });
      return {
        loanId,
        status: decision === "approve" ? "lent" : decision === "refuse" ? "refused" : "returned",
      };
    });
  }

  return {
    request,
    decide,
    /** The archivist's queue: requests to decide and records out on loan. */
    async openLoans(ctx: RequestContext) {
      const scopes = scopesOf(ctx);
      if (scopes.length === 0) throw new AppError("AUTH.FORBIDDEN");
      const rows = await listOpenLoans(db, scopes);
      return rows
        .filter((r) => ctx.actor && can(ctx.actor, "archive.manage", { jurisdiction: r.jurisdiction }))
        .map((r) => ({
          id: Number(r.id),
          archiveNo: r.archive_no,
          title: r.title,
          borrowerId: r.borrower_id,
          purpose: r.purpose,
          status: r.status,
          requestedAt: new Date(r.requested_at).toISOString(),
          dueOn: r.due_on,
        }));
    },
  };
}

export type ArchiveLoansService = ReturnType<typeof createArchiveLoansService>;
