import type { Database } from "../platform/db/database";
import {
  findCase,
  listMaterials,
  listParties,
  listParts,
  listSignatures,
  listTransitions,
  readFile,
} from "./case.repository";

/**
 * Everything of a case an archive package keeps (archive/ reads it through its port): the
 * application, the parties (identity numbers masked: the package is not the PII store), the
 * signatures, every material with its bytes, and the timeline. Undefined for an unknown case.
 */
export async function caseDossier(db: Database, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row) return undefined;
  const [parts, parties, signatures, materials, transitions] = await Promise.all([
    listParts(db, caseId),
    listParties(db, caseId),
    listSignatures(db, caseId),
    listMaterials(db, caseId),
    listTransitions(db, caseId),
  ]);
  const files = [];
  for (const m of materials) {
    const file = m.file_sm3 ? await readFile(db, m.file_sm3) : undefined;
    files.push({
      materialId: m.material_id,
      source: m.source,
      fileName: m.file_name,
      fileSm3: m.file_sm3,
      fetchedFrom: m.fetched_from,
      documentNo: m.document_no,
      licenceRef: m.licence_ref,
      licenceDigest: m.licence_digest,
      addedAt: new Date(m.added_at).toISOString(),
      file: file ? { mediaType: file.media_type, bytes: Buffer.from(file.bytes) } : null,
    });
  }
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    caseId: row.id,
    jurisdiction: row.jurisdiction,
    unitCode: row.unit_code,
    typeId: row.type_id,
    stage: row.stage,
    registeredAt: iso(row.registered_at),
    application: {
      caseId: row.id,
      kind: row.kind,
      typeId: row.type_id,
      unitCode: row.unit_code,
      jurisdiction: row.jurisdiction,
      acceptingOffice: row.accepting_office,
      contentSm3: row.content_sm3,
      createdAt: iso(row.created_at),
      submittedAt: iso(row.submitted_at),
      acceptedAt: iso(row.accepted_at),
      registeredAt: iso(row.registered_at),
      closedAt: iso(row.closed_at),
      parts: parts.map((p) => ({
        partNo: p.part_no,
        typeId: p.type_id,
        details: p.details,
        entrySeqs: p.entry_seqs,
      })),
    },
    parties: parties.map((p) => ({
      partNo: p.part_no,
      role: p.role,
      name: p.name,
      holderType: p.holder_type,
      idType: p.id_type,
      idNumberMasked: p.id_number_masked,
      share: p.share,
      actsFor: p.acts_for,
    })),
    signatures: signatures.map((s) => ({
      method: s.method,
      contentSm3: s.content_sm3,
      publicKey: s.public_key,
      signature: s.signature,
      signedAt: iso(s.signed_at),
    })),
    materials: files,
    timeline: transitions.map((t) => ({
      action: t.action,
      from: t.from_stage,
      to: t.to_stage,
      actorRole: t.actor_role,
      office: t.office,
      at: iso(t.at),
      reasons: t.reasons,
    })),
    entrySeqs: parts.flatMap((p) => p.entry_seqs),
  };
}

export type CaseDossier = NonNullable<Awaited<ReturnType<typeof caseDossier>>>;
