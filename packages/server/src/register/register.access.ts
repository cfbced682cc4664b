import { type Action, type Actor, can, parseUnitCode } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError, type ErrorCode } from "../platform/errors";
import type { RegisterView } from "./register.presenter";

/**
 * The port the register declares for who a caller is as a holder: identity owns accounts and
 * institutions, and the composition root wires it (entrypoints/setup.ts).
 */
export type CallerIdentities = {
  /** The institution's credit code, if it has one. */
  institutionCreditCode: (institutionId: string) => Promise<string | null | undefined>;
  /** A citizen's ID number lookup hash, or a company's credit code. */
  accountIdentity: (
    accountId: string,
  ) => Promise<{ id_number_hash: string | null; credit_code: string | null } | undefined>;
};

/**
 * The jurisdiction prefixes in which the actor may take `action` (`4406` for a city scope): the
 * queries that are not about one unit (search, map) are limited to them.
 */
export function scopePrefixes(actor: Actor | null, action: Action): string[] {
  if (!actor) return [];
  const prefixes = actor.roles
    .filter((r) => can({ ...actor, roles: [r] }, action, { jurisdiction: r.jurisdiction }))
    .map((r) =>
      r.jurisdiction.endsWith("0000")
        ? r.jurisdiction.slice(0, 2)
        : r.jurisdiction.endsWith("00")
          ? r.jurisdiction.slice(0, 4)
          : r.jurisdiction,
    );
  return [...new Set(prefixes)];
}

/**
 * Who may read what in the register (R30), shared by the register's read services: every refusal
 * is audited and looks like "not found".
 */
export function createRegisterAccess({
  db,
  pii,
  identities,
}: {
  db: Database;
  pii: PiiCipher;
  identities: CallerIdentities;
}) {
  const requireActor = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    return ctx.actor;
  };

  /** Not found and forbidden look the same; both are audited. */
  async function refuse(
    ctx: RequestContext,
    action: string,
    target: string,
    code: ErrorCode,
  ): Promise<never> {
    await writeAudit(db, ctx, { action, outcome: "denied", targetType: "unit", targetId: target });
    throw new AppError(code);
  }

  /**
   * The caller's key as a holder in the register: the lookup hash of a person's ID number, or of a
   * company's or institution's credit code. Staff hold nothing.
   */
  async function ownKey(actor: Actor): Promise<string | null> {
    if (actor.kind === "institution") {
      if (!actor.institutionId) return null;
      const creditCode = await identities.institutionCreditCode(actor.institutionId);
      return creditCode ? pii.lookupHash(creditCode) : null;
    }
    if (actor.kind !== "citizen" && actor.kind !== "company") return null;
    const identity = await identities.accountIdentity(actor.accountId);
    return identity?.id_number_hash ?? (identity?.credit_code ? pii.lookupHash(identity.credit_code) : null);
  }

  /**
   * Full or public view of a unit, or refused, with the basis of a full view (R30): staff of the
   * office; a current holder; an institution holding a live restriction on the unit (the mortgagee
   * bank, the seizing court: 利害关系人); a court stating its purpose (国家机关依法查询).
   */
  async function viewFor(
    actor: Actor,
    unit: {
      jurisdiction: string;
      holderHashes: ReadonlyArray<string | null>;
      restrictionHolderHashes?: ReadonlyArray<string | null>;
      purpose?: string | null;
    },
  ): Promise<{ view: RegisterView; basis: string } | undefined> {
    const { jurisdiction } = unit;
    if (can(actor, "register.read", { jurisdiction })) return { view: "full", basis: "staff" };
    const key = await ownKey(actor);
    if (
      key !== null &&
      unit.holderHashes.includes(key) &&
      can(actor, "register.read-own", { ownerAccountId: actor.accountId })
    )
      return { view: "full", basis: "holder" };
    if (actor.kind === "institution") {
      if (
        key !== null &&
        (unit.restrictionHolderHashes ?? []).includes(key) &&
        can(actor, "register.read-interested", { institutionId: actor.institutionId ?? undefined })
      )
        return { view: "full", basis: "interested" };
      if (unit.purpose?.trim() && can(actor, "register.read-official", { jurisdiction }))
        return { view: "full", basis: "official" };
    }
    if (can(actor, "register.read-public", { jurisdiction })) return { view: "public", basis: "public" };
    return undefined;
  }

  function parseCode(input: string): string {
    const parsed = parseUnitCode(input);
    if (!parsed.ok) throw new AppError("REGISTER.INVALID_CODE", { findings: parsed.error });
    return parsed.value.code;
  }

  async function requireStaffView(
    ctx: RequestContext,
    jurisdiction: string,
    action: string,
    target: string,
    code: ErrorCode,
  ) {
    const actor = requireActor(ctx);
    if (!can(actor, "register.read", { jurisdiction })) return refuse(ctx, action, target, code);
    return actor;
  }

  return { requireActor, refuse, ownKey, viewFor, parseCode, requireStaffView };
}

export type RegisterAccess = ReturnType<typeof createRegisterAccess>;
