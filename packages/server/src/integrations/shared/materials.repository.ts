import type { Database, Tx } from "../../platform/db/database";
import type { FetchedMaterialKind } from "../../platform/db/schema";

type Db = Database | Tx;

/** 零材料: a document fetched from a department, kept sealed with its SM3 digest and source. */
export async function insertFetchedMaterial(
  db: Db,
  v: {
    caseRef: string | null;
    jurisdiction: string | null;
    kind: FetchedMaterialKind;
    holderHash: string | null;
    holderMasked: string | null;
    documentNo: string;
    issuer: string;
    content: string;
    digest: string;
    source: string;
    consent: Record<string, unknown>;
    fetchedBy: string | null;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto("fetched_materials")
    .values({
      case_ref: v.caseRef,
      jurisdiction: v.jurisdiction,
      kind: v.kind,
      holder_hash: v.holderHash,
      holder_masked: v.holderMasked,
      document_no: v.documentNo,
      issuer: v.issuer,
      content: v.content,
      digest: v.digest,
      source: v.source,
      consent: JSON.stringify(v.consent),
      fetched_by: v.fetchedBy,
      fetched_at: v.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listFetchedMaterials(db: Db, caseRef: string) {
  return db
    .selectFrom("fetched_materials")
    .select([
      "id",
      "kind",
      "holder_masked",
      "document_no",
      "issuer",
      "digest",
      "source",
      "consent",
      "fetched_at",
    ])
    .where("case_ref", "=", caseRef)
    .orderBy("fetched_at")
    .execute();
}

/** The fetched e-licence a case material refers to. */
export async function findFetchedMaterial(db: Db, id: string) {
  return db
    .selectFrom("fetched_materials")
    .select(["id", "case_ref", "kind", "digest", "document_no", "issuer"])
    .where("id", "=", id)
    .executeTakeFirst();
}
