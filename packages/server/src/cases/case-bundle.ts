import type { AccountKind, InstitutionKind } from "@yulin/domain";
import { findAccountKinds } from "../identity/account.repository";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  type CaseRow,
  findCase,
  listMaterials,
  listParties,
  listParts,
  listSignatures,
  type MaterialRow,
  type PartRow,
  type PartyRow,
  type SignatureRow,
} from "./case.repository";

/** A case with everything stored about it, read together (one round of queries). */
export type CaseBundle = {
  row: CaseRow;
  parts: PartRow[];
  parties: PartyRow[];
  signatures: SignatureRow[];
  materials: MaterialRow[];
  creator: { kind: AccountKind; institutionKind: InstitutionKind | null };
};

export async function loadBundle(
  db: Database | Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseBundle | undefined> {
  const row = await findCase(db, id, options);
  if (!row) return undefined;
  const [parts, parties, signatures, materials, creator] = await Promise.all([
    listParts(db, id),
    listParties(db, id),
    listSignatures(db, id),
    listMaterials(db, id),
    findAccountKinds(db, row.created_by),
  ]);
  return {
    row,
    parts,
    parties,
    signatures,
    materials,
    creator: {
      kind: (creator?.kind ?? "staff") as AccountKind,
      institutionKind: creator?.institution_kind ?? null,
    },
  };
}

export async function requireBundle(
  db: Database | Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseBundle> {
  const bundle = await loadBundle(db, id, options);
  if (!bundle) throw new AppError("CASE.NOT_FOUND");
  return bundle;
}
