import type { UtilityService } from "@yulin/domain";
import type { Database, Tx } from "../../platform/db/database";

type Db = Database | Tx;

export type UtilityTransferRow = {
  case_id: string;
  service: UtilityService;
  account_no: string;
  status: "chosen" | "requested" | "done" | "rejected";
  chosen_at: Date;
  requested_at: Date | null;
  answered_at: Date | null;
  company_ref: string | null;
  reason: string | null;
  connector_mode: string | null;
};

const COLUMNS = [
  "case_id",
  "service",
  "account_no",
  "status",
  "chosen_at",
  "requested_at",
  "answered_at",
  "company_ref",
  "reason",
  "connector_mode",
] as const;

export async function listUtilityTransfers(db: Db, caseId: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("utility_transfers").select(COLUMNS).where("case_id", "=", caseId).orderBy("service");
  if (options.lock) q = q.forUpdate();
  return (await q.execute()) as UtilityTransferRow[];
}

/** Replaces the case's choice (only while nothing was requested: the caller checks the stage). */
export async function replaceUtilityChoice(
  tx: Tx,
  caseId: string,
  choices: ReadonlyArray<{ service: UtilityService; accountNo: string }>,
  by: { accountId: string; at: Date },
): Promise<void> {
  await tx.deleteFrom("utility_transfers").where("case_id", "=", caseId).execute();
  if (choices.length === 0) return;
  await tx
    .insertInto("utility_transfers")
    .values(
      choices.map((c) => ({
        case_id: caseId,
        service: c.service,
        account_no: c.accountNo,
        status: "chosen" as const,
        chosen_by: by.accountId,
        chosen_at: by.at,
      })),
    )
    .execute();
}

/** The chosen transfers become requests (in the registering transaction); returns those moved. */
export async function markUtilityRequested(tx: Tx, caseId: string, at: Date) {
  return (await tx
    .updateTable("utility_transfers")
    .set({ status: "requested", requested_at: at })
    .where("case_id", "=", caseId)
    .where("status", "=", "chosen")
    .returning(COLUMNS)
    .execute()) as UtilityTransferRow[];
}

/** The company's answer; applied once (a re-delivered answer finds the row no longer requested). */
export async function recordUtilityAnswer(
  tx: Tx,
  key: { caseId: string; service: UtilityService },
  answer: {
    status: "done" | "rejected";
    companyRef: string | null;
    reason: string | null;
    at: Date;
    mode: string;
  },
): Promise<boolean> {
  const r = await tx
    .updateTable("utility_transfers")
    .set({
      status: answer.status,
      company_ref: answer.companyRef,
      reason: answer.reason,
      answered_at: answer.at,
      connector_mode: answer.mode,
    })
    .where("case_id", "=", key.caseId)
    .where("service", "=", key.service)
    .where("status", "=", "requested")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
