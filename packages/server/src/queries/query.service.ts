import crypto from "node:crypto";
import {
  type Actor,
  accountLevel,
  checkApplication,
  checkIntentQuota,
  decideQuery,
  maskHolderName,
  type QuerentKind,
  type QueryPurpose,
  type QueryResultData,
  type QueryScope,
  type QuerySubjectKind,
  querentKindsOf,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  countIntentQueries,
  findApplication,
  findBlock,
  insertApplication,
  insertBlock,
  insertLog,
  listApplicationsOf,
  listLogOfUnits,
} from "./query.repository";
import type { QueryAnswers } from "./query-answers";
import { resolveSubject } from "./query-subject";
import type { QueryIdentityPort, QueryRegisterPort } from "./register.port";

export type QueryApplicationInput = {
  querentKind: QuerentKind;
  purpose: QueryPurpose;
  scope: QueryScope;
  subject: { kind: QuerySubjectKind; value: string };
  proof: string[];
};

/** The Beijing-time calendar day of `at` and its start instant (quotas are per day). */
export function dayOf(at: Date): { day: string; since: Date } {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { day, since: new Date(`${day}T00:00:00+08:00`) };
}

/**
 * Query applications (R30): checked against the domain's rules, resolved against the register,
 * then answered at once, queued for a clerk or refused with written reasons. Every application
 * writes exactly one query-log row (查询留痕) in the transaction that records it.
 */
export function createQueryService(deps: {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  register: QueryRegisterPort;
  identity: QueryIdentityPort;
  answers: QueryAnswers;
  addWorkingDays: (from: string, days: number) => Promise<string>;
}) {
  const { db, pii, now, register, identity } = deps;

  const requireActor = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    return ctx.actor;
  };

  /** Who the caller is for the log and the rules: name, label shown to holders, holder key, level. */
  async function querentOf(actor: Actor) {
    const who = await identity.describe(actor.accountId);
    if (!who) throw new AppError("AUTH.UNAUTHENTICATED");
    const organisation = who.kind === "company" || who.kind === "institution";
    const creditCode = who.institutionCreditCode ?? who.creditCode;
    return {
      name: who.institutionName ?? who.displayName,
      label:
        who.institutionName ??
        maskHolderName({ name: who.displayName, kind: organisation ? "organisation" : "person" }),
      ownHash: who.idNumberHash ?? (creditCode ? pii.lookupHash(creditCode) : null),
      level: accountLevel({ kind: who.kind, hasIdNumber: who.idNumberHash !== null }),
    };
  }

  /** Intent-only quota: over the day's number, the account is blocked and reported (alert). */
  async function enforceQuota(ctx: RequestContext, actor: Actor, level: ReturnType<typeof accountLevel>) {
    const { day, since } = dayOf(now());
    const [used, block] = await Promise.all([
      countIntentQueries(db, actor.accountId, since),
      findBlock(db, actor.accountId, day),
    ]);
    const verdict = checkIntentQuota({ level, used, blocked: block !== undefined });
    if (verdict.ok) return;
    if (verdict.block) {
      await insertBlock(db, actor.accountId, day, `无证明查询超出每日 ${verdict.limit} 次`);
      await writeAudit(db, ctx, {
        action: "query.blocked",
        outcome: "denied",
        targetType: "account",
        targetId: actor.accountId,
        details: { day, limit: verdict.limit, used },
      });
    }
    throw new AppError("QUERY.QUOTA_EXCEEDED", { limit: verdict.limit, day });
  }

  async function apply(ctx: RequestContext, input: QueryApplicationInput) {
    const actor = requireActor(ctx);
    if (!querentKindsOf(actor).includes(input.querentKind))
      throw new AppError("QUERY.QUERENT_NOT_ALLOWED", { allowed: querentKindsOf(actor) });
    const findings = checkApplication({ ...input, kind: input.querentKind, subjectKind: input.subject.kind });
    if (findings.length > 0) throw new AppError("QUERY.INVALID_APPLICATION", { findings });
    const querent = await querentOf(actor);
    const intentOnly = input.querentKind === "intent";
    if (intentOnly) await enforceQuota(ctx, actor, querent.level);
    const subject = await resolveSubject(register, pii, input.subject, querent.ownHash);
    const holdings = input.scope === "holdings";
    const held = querent.ownHash ? new Set(await register.unitsHeldBy(querent.ownHash)) : new Set<string>();
    const outcome = decideQuery(
      { kind: input.querentKind, scope: input.scope },
      {
        registered: holdings || subject.unitCodes.length > 0,
        querentHolds: holdings
          ? subject.personHash === querent.ownHash
          : subject.unitCodes.length > 0 && subject.unitCodes.every((c) => held.has(c)),
      },
    );
    const at = now();
    const jurisdiction = subject.unitCodes[0]?.slice(0, 6) ?? null;
    const number = `CX${dayOf(at).day.replaceAll("-", "")}${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
    const status = outcome.kind === "answer" ? "answered" : outcome.kind === "queue" ? "pending" : "refused";
    const result =
      outcome.kind === "answer"
        ? await deps.answers.resultData({
            number,
            jurisdiction,
            querent: { kind: input.querentKind, name: querent.name },
            purpose: input.purpose,
            scope: input.scope,
            subject: subject.text,
            unitCodes: subject.unitCodes,
            at,
          })
        : null;
    const dueOn = outcome.kind === "queue" ? await deps.addWorkingDays(dayOf(at).day, 5) : null;
    const row = await inTransaction(db, async (tx) => {
      const app = await insertApplication(tx, {
        number,
        account_id: actor.accountId,
        institution_id: actor.institutionId,
        querent_kind: input.querentKind,
        querent_name: querent.name,
        purpose: input.purpose,
        scope: input.scope,
        subject_kind: input.subject.kind,
        subject: subject.text,
        unit_codes: JSON.stringify(subject.unitCodes),
        jurisdiction,
        proof: JSON.stringify(input.proof),
        status,
        refusal: outcome.kind === "refuse" ? JSON.stringify(outcome.reason) : null,
        due_on: dueOn,
        result: result ? JSON.stringify(result) : null,
        register_version: result?.registerVersion ?? null,
        verify_token: result ? crypto.randomBytes(18).toString("base64url") : null,
        decided_at: outcome.kind === "queue" ? null : at,
        created_at: at,
      });
      await insertLog(tx, {
        at,
        account_id: actor.accountId,
        querent_kind: input.querentKind,
        querent_label: querent.label,
        channel: "hall",
        purpose: input.purpose,
        scope: input.scope,
        subject: subject.text,
        unit_code: subject.unitCodes.length === 1 ? (subject.unitCodes[0] ?? null) : null,
        outcome: outcome.kind === "answer" ? "answered" : outcome.kind === "queue" ? "queued" : "refused",
        intent_only: intentOnly,
        application_id: app.id,
      });
      return app;
    });
    if (outcome.kind === "refuse")
      throw new AppError(outcome.reason.code as "QUERY.UNIT_NOT_REGISTERED" | "QUERY.NOT_HOLDER", {
        number,
        id: row.id,
        findings: [outcome.reason],
      });
    return {
      id: row.id,
      number,
      status: status as "answered" | "pending",
      dueOn,
      verifyToken: row.verify_token,
      result,
    };
  }

  /** 我的查询记录: the caller's applications, newest first. */
  async function listMine(ctx: RequestContext) {
    const actor = requireActor(ctx);
    const rows = await listApplicationsOf(db, actor.accountId);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      querentKind: r.querent_kind,
      purpose: r.purpose,
      scope: r.scope,
      subjectKind: r.subject_kind,
      subject: r.subject,
      status: r.status,
      refusal: (r.refusal ?? null) as { message_zh: string; message_en: string } | null,
      dueOn: r.due_on,
      createdAt: new Date(r.created_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    }));
  }

  /** 谁查询了我的不动产: queries of the units the caller holds now, by others (institution or masked name). */
  async function whoQueriedMine(ctx: RequestContext) {
    const actor = requireActor(ctx);
    const querent = await querentOf(actor);
    const units = querent.ownHash ? await register.unitsHeldBy(querent.ownHash) : [];
    const rows = await listLogOfUnits(db, units, actor.accountId);
    await writeAudit(db, ctx, {
      action: "query.log.own-property",
      outcome: "success",
      details: { units: units.length },
    });
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      querentKind: r.querent_kind,
      querent: r.querent_label,
      channel: r.channel,
      purpose: r.purpose,
      scope: r.scope,
      unitCode: r.unit_code,
      outcome: r.outcome,
    }));
  }

  /** One of the caller's applications with its answer (once answered). */
  async function getMine(ctx: RequestContext, id: string) {
    const actor = requireActor(ctx);
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplication(db, { id }) : undefined;
    if (!row || row.account_id !== actor.accountId) throw new AppError("QUERY.NOT_FOUND");
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      dueOn: row.due_on,
      verifyToken: row.verify_token,
      refusal: (row.refusal ?? null) as { message_zh: string; message_en: string } | null,
      result: (row.result ?? null) as QueryResultData | null,
    };
  }

  return { apply, listMine, getMine, whoQueriedMine };
}

export type QueryService = ReturnType<typeof createQueryService>;
