import { can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { checkOutboundUrl, type OutboundPolicy } from "../../platform/http/outbound-guard";
import { findInstitutionConnection, upsertInstitutionConnection } from "./connections.repository";
import { isSm2PublicKey } from "./sm2";

/**
 * An institution registers its SM2 public key (to sign callbacks) and, for banks, the endpoint
 * that receives collateral notifications. The institution itself does it through the API; an
 * operator can do it from the CLI (`yulin connectors key …`) with the system context.
 */
export function createConnectionsService(deps: {
  db: Database;
  now: () => Date;
  platformPublicKey: string;
  outbound: OutboundPolicy;
}) {
  async function setConnection(
    ctx: RequestContext,
    institutionId: string,
    input: { publicKey?: string | null; endpointUrl?: string | null },
  ) {
    const actor = ctx.actor;
    if (actor && !can(actor, "institution.manage-tokens", { institutionId }))
      throw new AppError("AUTH.FORBIDDEN");
    const publicKey = input.publicKey?.toLowerCase();
    if (publicKey && !isSm2PublicKey(publicKey)) throw new AppError("INTEGRATION.BAD_PUBLIC_KEY");
    // The server will POST there: a public http(s) address only (platform/http/outbound-guard.ts).
    if (input.endpointUrl) await checkOutboundUrl(input.endpointUrl, deps.outbound);
    return inTransaction(deps.db, async (tx) => {
      const row = await upsertInstitutionConnection(tx, {
        institutionId,
        publicKey: publicKey === undefined ? undefined : publicKey,
        endpointUrl: input.endpointUrl,
        now: deps.now(),
      });
      await writeAudit(tx, ctx, {
        action: "institution.set-connection",
        outcome: "success",
        targetType: "institution",
        targetId: institutionId,
        details: {
          publicKey: row.public_key ? `${row.public_key.slice(0, 12)}…` : null,
          endpointUrl: row.endpoint_url,
        },
      });
      return present(row);
    });
  }

  async function getOwnConnection(ctx: RequestContext) {
    const actor = ctx.actor;
    if (
      !actor?.institutionId ||
      !can(actor, "institution.manage-tokens", { institutionId: actor.institutionId })
    ) {
      throw new AppError("AUTH.FORBIDDEN");
    }
    const row = await findInstitutionConnection(deps.db, actor.institutionId);
    return row ? present(row) : { publicKey: null, endpointUrl: null, updatedAt: null };
  }

  return {
    setConnection,
    getOwnConnection,
    platformKey: () => ({ algorithm: "SM2", userId: "1234567812345678", publicKey: deps.platformPublicKey }),
  };
}

function present(row: { public_key: string | null; endpoint_url: string | null; updated_at: Date }) {
  return {
    publicKey: row.public_key,
    endpointUrl: row.endpoint_url,
    updatedAt: row.updated_at.toISOString(),
  };
}

export type ConnectionsService = ReturnType<typeof createConnectionsService>;
