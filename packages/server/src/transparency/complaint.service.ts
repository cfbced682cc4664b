import crypto from "node:crypto";
import { anonymise, COMPLAINT_ANSWER_WORKING_DAYS, complaintTrackingNo, hasContact } from "@yulin/domain";
import { chinaDateOf } from "../cases/case-clock";
import { findOfficeNames, officeExists } from "../identity/office.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { scopePrefixes } from "../register/register.access";
import {
  type ComplaintRow,
  findComplaintByTrackingNo,
  insertComplaint,
  listComplaints,
  listComplaintsFiledBetween,
  recordComplaintAnswer,
} from "./complaint.repository";

export type ComplaintInput = {
  office: string;
  topic: "registry" | "cadastre";
  caseRef?: string | undefined;
  content: string;
  contact?: { name?: string | undefined; phone?: string | undefined } | undefined;
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** What the complainant sees by tracking number, and staff see in their list (contact masked). */
const present = (r: ComplaintRow, names: Map<string, string>) => ({
  trackingNo: r.tracking_no,
  office: r.office.trim(),
  officeName: names.get(r.office) ?? r.office.trim(),
  topic: r.topic,
  caseRef: r.case_ref,
  content: r.content,
  filedAt: iso(r.filed_at)!,
  answerDue: r.answer_due,
  status: r.status,
  answer: r.answer,
  answeredAt: iso(r.answered_at),
  overdue: r.status === "open" && chinaDateOf(new Date()) > r.answer_due,
});
export type ComplaintView = ReturnType<typeof present>;

/**
 * 投诉: anyone files a complaint about the registry or the cadastre without logging in, with a
 * contact for the answer, and gets a tracking number; the office's supervisors answer it before
 * the deadline (15 working days); every complaint is published without the contact (匿名公开).
 */
export function createComplaintService(deps: {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  addWorkingDays: (from: string, days: number) => Promise<string>;
}) {
  const { db } = deps;
  const namesOf = (rows: ComplaintRow[]) => findOfficeNames(db, [...new Set(rows.map((r) => r.office))]);

  function supervisedPrefixes(ctx: RequestContext): string[] {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    return scopePrefixes(ctx.actor, "supervision.view");
  }

  return {
    async file(ctx: RequestContext, input: ComplaintInput) {
      if (!hasContact(input.contact)) throw new AppError("COMPLAINT.CONTACT_REQUIRED");
      if (!(await officeExists(db, input.office)))
        throw new AppError("OFFICE.UNKNOWN", { office: input.office });
      const today = chinaDateOf(deps.now());
      // Outside the transaction: the calendar reads on its own connection (one on PGlite).
      const answerDue = await deps.addWorkingDays(today, COMPLAINT_ANSWER_WORKING_DAYS);
      const row = await inTransaction(db, async (tx) => {
        const inserted = await insertComplaint(tx, {
          tracking_no: complaintTrackingNo(input.office, today, crypto.randomBytes(8)),
          office: input.office,
          topic: input.topic,
          case_ref: input.caseRef?.trim() || null,
          content: input.content.trim(),
          contact_name: input.contact!.name!.trim(),
          contact_phone_enc: deps.pii.encrypt(input.contact!.phone!.replace(/\s+/g, "")),
          answer_due: answerDue,
        });
        await writeAudit(tx, ctx, {
          action: "complaint.file",
          outcome: "success",
          targetType: "complaint",
          targetId: inserted.tracking_no,
        });
        return inserted;
      });
      return present(row, await namesOf([row]));
    },

    /** The complaint and its answer by tracking number (no login: the number is the secret). */
    async track(trackingNo: string) {
      const row = await findComplaintByTrackingNo(db, trackingNo);
      if (!row) throw new AppError("COMPLAINT.NOT_FOUND");
      return present(row, await namesOf([row]));
    },

    /** The complaints of the supervisor's offices, open ones first if asked. */
    async listForStaff(ctx: RequestContext, status?: "open" | "answered") {
      const prefixes = supervisedPrefixes(ctx);
      if (prefixes.length === 0) throw new AppError("AUTH.FORBIDDEN");
      const rows = await listComplaints(db, { prefixes, ...(status ? { status } : {}) }, 200);
      const names = await namesOf(rows);
      return rows.map((r) => ({ ...present(r, names), contactName: r.contact_name }));
    },

    async answer(ctx: RequestContext, trackingNo: string, text: string) {
      const prefixes = supervisedPrefixes(ctx);
      if (prefixes.length === 0) {
        await writeAudit(db, ctx, { action: "complaint.answer", outcome: "denied", targetId: trackingNo });
        throw new AppError("AUTH.FORBIDDEN");
      }
      const row = await inTransaction(db, async (tx) => {
        const found = await findComplaintByTrackingNo(tx, trackingNo, true);
        if (!found || !prefixes.some((p) => found.office.startsWith(p))) {
          await writeAudit(tx, ctx, { action: "complaint.answer", outcome: "denied", targetId: trackingNo });
          throw new AppError("COMPLAINT.NOT_FOUND");
        }
        if (found.status === "answered") throw new AppError("COMPLAINT.ALREADY_ANSWERED");
        const answered = await recordComplaintAnswer(tx, found.id, {
          text: text.trim(),
          by: ctx.actor!.accountId,
          at: deps.now(),
        });
        await writeAudit(tx, ctx, {
          action: "complaint.answer",
          outcome: "success",
          targetType: "complaint",
          targetId: trackingNo,
        });
        return answered;
      });
      return present(row, await namesOf([row]));
    },

    /** 投诉公开: the complaints filed in a month, anonymised, with their answers and deadlines. */
    async published(month: { from: string; to: string }) {
      const from = new Date(`${month.from}T00:00:00+08:00`);
      const to = new Date(new Date(`${month.to}T00:00:00+08:00`).getTime() + 86_400_000);
      const rows = await listComplaintsFiledBetween(db, from, to, 500);
      const names = await namesOf(rows);
      return rows.map((r) => {
        const view = present(r, names);
        return {
          ...view,
          trackingNo: `${r.tracking_no.slice(0, -4)}****`,
          content: anonymise(r.content, r.contact_name),
          answer: r.answer === null ? null : anonymise(r.answer, r.contact_name),
        };
      });
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
