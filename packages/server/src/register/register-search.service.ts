import { addressGrams, can, normaliseAddress, parseCreditCode, parseResidentId } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type RegisterAccess, scopePrefixes } from "./register.access";
import { presentUnit } from "./register.presenter";
import { findHoldingsByIdHash, searchUnitsByAddress } from "./register.repository";

/** Searches across the register: units by address, property by holder (audited with purpose). */
export function createRegisterSearchService({
  db,
  pii,
  access,
}: {
  db: Database;
  pii: PiiCipher;
  access: RegisterAccess;
}) {
  const { requireActor } = access;

  /** Units by address text (坐落) within the caller's jurisdictions. */
  async function searchByAddress(ctx: RequestContext, query: string, limit = 50) {
    const actor = requireActor(ctx);
    const normalised = normaliseAddress(query);
    if (Array.from(normalised).length < 2) throw new AppError("REGISTER.QUERY_TOO_SHORT");
    const prefixes = scopePrefixes(actor, "register.read");
    if (prefixes.length === 0) {
      await writeAudit(db, ctx, { action: "register.search.address", outcome: "denied" });
      throw new AppError("AUTH.FORBIDDEN");
    }
    // The bigram index narrows; the normalised text decides (bigrams can match out of order).
    const candidates = await searchUnitsByAddress(db, addressGrams(query), prefixes, limit * 4);
    const units = candidates.filter((u) => normaliseAddress(u.address).includes(normalised)).slice(0, limit);
    await writeAudit(db, ctx, {
      action: "register.search.address",
      outcome: "success",
      details: { results: units.length, queryLength: normalised.length },
    });
    return { units: units.map(presentUnit) };
  }

  /**
   * Property held by a person or organisation (by ID number or credit code), for staff of the
   * office and courts; every search is audited with its purpose, never with the number.
   */
  async function searchByHolder(ctx: RequestContext, input: { idNumber: string; purpose: string }) {
    const actor = requireActor(ctx);
    const resident = parseResidentId(input.idNumber);
    const credit = resident.ok ? undefined : parseCreditCode(input.idNumber);
    const normalised = resident.ok ? resident.value.id : credit?.ok ? credit.value.code : undefined;
    if (!normalised) throw new AppError("ACCOUNT.INVALID_ID_NUMBER");
    const court = actor.kind === "institution" && can(actor, "register.search-holder", {});
    const prefixes = court ? [""] : scopePrefixes(actor, "register.search-holder");
    if (prefixes.length === 0) {
      await writeAudit(db, ctx, {
        action: "register.search.holder",
        outcome: "denied",
        purpose: input.purpose,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const rows = (await findHoldingsByIdHash(db, pii.lookupHash(normalised))).filter((r) =>
      prefixes.some((p) => r.jurisdiction.startsWith(p)),
    );
    await writeAudit(db, ctx, {
      action: "register.search.holder",
      outcome: "success",
      purpose: input.purpose,
      details: { results: rows.length },
    });
    return {
      holdings: rows.map((r) => ({
        unitCode: r.unit_code,
        address: r.address,
        buildingArea: r.building_area === null ? null : Number(r.building_area),
        rightSeq: r.right_seq,
        rightType: r.right_type,
        status: r.status,
        coOwnership: r.co_ownership,
        holderName: r.name,
        idNumberMasked: r.id_number_masked,
        share: r.share,
        registeredAt: r.registered_at.toISOString(),
      })),
    };
  }

  return { searchByAddress, searchByHolder };
}
