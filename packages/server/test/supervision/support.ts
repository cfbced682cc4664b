/**
 * Planting the patterns the integrity rules look for: cases with their timelines (and the audit
 * rows the workflow writes beside each line), parties, query-log reads and tax confirmations,
 * written as the owning capabilities write them, at chosen times.
 */
import crypto from "node:crypto";
import { writeAudit } from "../../src/platform/audit/audit";
import type { TestEnv } from "../support/test-services";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `daysAgo` working days (Monday to Friday) back from today, at `hour`:`minute` China time. */
export function chinaTime(daysAgo: number, hour: number, minute = 0): Date {
  const base = new Date(Date.now() + 8 * HOUR);
  const weekend = () => [0, 6].includes(base.getUTCDay());
  while (weekend()) base.setTime(base.getTime() - DAY);
  for (let left = daysAgo; left > 0; ) {
    base.setTime(base.getTime() - DAY);
    if (!weekend()) left--;
  }
  const day = base.toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);
}

let serial = 0;
/** A unit code of the office (28 characters, unique per call). */
export const unitCode = (office = "440604") =>
  `${office}001002GB${String(90000 + ++serial).padStart(5, "0")}F${String(serial).padStart(8, "0")}`;

type Line = { action: string; from: string; to: string; by: string | null; role: string; at: Date };

export function planter(env: TestEnv) {
  const { db } = env.services;
  const accountId = async (username: string) =>
    (await db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow())
      .id;

  /** A case of `typeId` on `unit` whose timeline is `lines` (stage, dates and audit rows follow it). */
  async function plantCase(input: {
    office?: string;
    typeId: string;
    unit?: string;
    createdBy: string;
    lines: Line[];
    instant?: boolean;
  }): Promise<string> {
    const office = input.office ?? "440604";
    const id = `${office}-PLANT-${crypto.randomBytes(6).toString("hex").toUpperCase()}`;
    const last = input.lines.at(-1);
    const atOf = (stage: string) => input.lines.find((l) => l.to === stage)?.at ?? null;
    await db
      .insertInto("cases")
      .values({
        id,
        jurisdiction: office,
        kind: "single",
        type_id: input.typeId,
        unit_code: input.unit ?? unitCode(office),
        accepting_office: office,
        stage: last?.to ?? "draft",
        state: JSON.stringify({ typeId: input.typeId, stage: last?.to ?? "draft", pauses: [] }),
        content_sm3: "0".repeat(64),
        created_by: input.createdBy,
        creator_kind: "citizen",
        created_at: input.lines[0]?.at ?? new Date(),
        submitted_at: atOf("submitted"),
        accepted_at: atOf("accepted"),
        registered_at: atOf("registered"),
        instant_route: input.instant ? JSON.stringify({ route: "automatic" }) : null,
        updated_at: last?.at ?? new Date(),
      })
      .execute();
    await db
      .insertInto("case_parts")
      .values({ case_id: id, part_no: 0, type_id: input.typeId, details: "{}", entry_seqs: "[]" })
      .execute();
    for (const l of input.lines) {
      await db
        .insertInto("case_transitions")
        .values({
          case_id: id,
          action: l.action,
          from_stage: l.from,
          to_stage: l.to,
          actor_id: l.by,
          actor_role: l.role,
          office,
          at: l.at,
        })
        .execute();
      await writeAudit(
        db,
        { actor: null, requestId: "plant", ip: null },
        {
          action: `case.${l.action}`,
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: office,
          actorId: l.by,
          details: { from: l.from, to: l.to },
        },
      );
    }
    return id;
  }

  /** A party of the case with the given person key (the ID number itself is not needed). */
  async function plantParty(caseId: string, personKey: string, name: string, addedBy: string) {
    await db
      .insertInto("case_parties")
      .values({
        case_id: caseId,
        part_no: 0,
        role: "applicant",
        person_key: personKey,
        name,
        holder_type: "person",
        id_type: "resident-id",
        id_number_enc: "planted",
        id_number_masked: "4406**********0000",
        added_by: addedBy,
      })
      .execute();
  }

  /** Answered reads of `units` by the account, as the query capability logs them. */
  async function plantReads(accountId: string, units: readonly string[], at: Date) {
    for (const u of units)
      await db
        .insertInto("query_log")
        .values({
          at,
          account_id: accountId,
          querent_kind: "institution",
          querent_label: "工商银行",
          channel: "api",
          purpose: "贷款审查",
          scope: "full",
          subject: u,
          unit_code: u,
          outcome: "answered",
        })
        .execute();
  }

  async function plantTaxCleared(caseId: string, at: Date) {
    await db
      .insertInto("tax_confirmations")
      .values({
        voucher_no: `V${crypto.randomBytes(6).toString("hex")}`,
        case_ref: caseId,
        assessment_no: "A1",
        kind: "paid",
        amount_fen: 100,
        confirmed_at: at,
        source: "test",
      })
      .execute();
  }

  return { accountId, plantCase, plantParty, plantReads, plantTaxCleared };
}

/** The ordinary human timeline: submitted, accepted, reviewed, registered at the given times. */
export function humanLine(
  people: { applicant: string; acceptor: string; reviewer: string; registrar: string },
  at: { submitted: Date; accepted: Date; reviewed: Date; registered: Date },
): Line[] {
  return [
    {
      action: "submit",
      from: "draft",
      to: "submitted",
      by: people.applicant,
      role: "applicant",
      at: at.submitted,
    },
    {
      action: "accept",
      from: "submitted",
      to: "accepted",
      by: people.acceptor,
      role: "acceptor",
      at: at.accepted,
    },
    {
      action: "review",
      from: "accepted",
      to: "reviewed",
      by: people.reviewer,
      role: "reviewer",
      at: at.reviewed,
    },
    {
      action: "register",
      from: "reviewed",
      to: "registered",
      by: people.registrar,
      role: "registrar",
      at: at.registered,
    },
  ];
}
