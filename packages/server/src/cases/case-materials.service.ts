import { isMaterialId, MATERIALS } from "@yulin/domain";
import type { z } from "zod";
import { findFetchedMaterial } from "../integrations/shared/materials.repository";
import { sm3Hex } from "../integrations/shared/sm2";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { canReadCase, mayAddMaterial } from "./case.access";
import { insertFile, insertMaterial, readFile } from "./case.repository";
import type { ZMaterialRequest } from "./case.schemas";
import { readableCase, withLockedCase } from "./case-lock";
import { isValidMaterialFile } from "./material-files";

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

export type MaterialInput = z.infer<typeof ZMaterialRequest>;

/** 申请材料: uploads (SM3 digest, type and size checked), e-licence references and commitments. */
export function createCaseMaterialsService(deps: { db: Database }) {
  const { db } = deps;
  return {
    /** 申请材料: an upload (SM3 digest, type and size checked), an e-licence reference, or a commitment. */
    async addMaterial(ctx: RequestContext, id: string, input: MaterialInput) {
      // Parsed before the case is locked: a 10 MB PDF is not read while others wait on the case.
      const upload = input.source === "upload" ? await checkedUpload(input) : null;
      return withLockedCase(db, ctx, id, {
        action: "case.material.add",
        authorize: (actor, locked) =>
          canReadCase(actor, locked.row, locked.parties) &&
          mayAddMaterial(actor, locked.row, locked.parties) &&
          actor,
        async change(tx, locked, actor) {
          if (!isMaterialId(input.materialId))
            throw new AppError("CASE.MATERIAL_UNKNOWN", { materialId: input.materialId });
          const definition = MATERIALS[input.materialId] as { eLicence?: true; commitment?: true };
          if (!["draft", "correction", "submitted", "accepted"].includes(locked.row.stage))
            throw new AppError("CASE.STAGE", { stage: locked.row.stage });
          const base = {
            case_id: id,
            material_id: input.materialId,
            source: input.source,
            added_by: actor.accountId,
          };
          if (input.source === "upload") {
            const bytes = upload as Buffer;
            const sm3 = sm3Hex(bytes);
            await insertFile(tx, { sm3, mediaType: input.mediaType, bytes });
            const row = { ...base, file_name: input.fileName, file_sm3: sm3 };
            return { id: await insertMaterial(tx, row), sm3 };
          }
          if (input.source === "e-licence") {
            if (!definition.eLicence)
              throw new AppError("CASE.INVALID", { reason: "this material is not an e-licence" });
            const licence = await findFetchedMaterial(tx, input.licenceId);
            if (!licence || (licence.case_ref !== null && licence.case_ref !== id))
              throw new AppError("CASE.LICENCE_NOT_FOUND");
            const row = { ...base, licence_ref: licence.id, licence_digest: licence.digest };
            return { id: await insertMaterial(tx, row), sm3: licence.digest };
          }
          const sm3 = sm3Hex(input.text);
          return { id: await insertMaterial(tx, { ...base, licence_digest: sm3 }), sm3 };
        },
        audit: ({ sm3 }) => ({ materialId: input.materialId, source: input.source, sm3 }),
      });
    },

    /** An uploaded material's file, for the parties and staff who may read the case. */
    async materialFile(ctx: RequestContext, id: string, materialRowId: string) {
      const bundle = await readableCase(db, ctx, id, "case.material.read");
      const material = bundle.materials.find((m) => m.id === materialRowId && m.file_sm3);
      const file = material?.file_sm3 ? await readFile(db, material.file_sm3) : undefined;
      if (!material || !file) throw new AppError("CASE.NOT_FOUND");
      await writeAudit(db, ctx, {
        action: "case.material.read",
        outcome: "success",
        targetType: "case",
        targetId: id,
        jurisdiction: bundle.row.jurisdiction,
        details: { sm3: file.sm3 },
      });
      return { fileName: material.file_name ?? "material", mediaType: file.media_type, bytes: file.bytes };
    },
  };
}

/** An upload's bytes, refused when too large or not parseable as the declared type. */
export async function checkedUpload(input: Extract<MaterialInput, { source: "upload" }>): Promise<Buffer> {
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length > MAX_MATERIAL_BYTES)
    throw new AppError("CASE.MATERIAL_TOO_LARGE", { maxBytes: MAX_MATERIAL_BYTES });
  if (!(await isValidMaterialFile(input.mediaType, bytes)))
    throw new AppError("CASE.MATERIAL_TYPE", { mediaType: input.mediaType });
  return bytes;
}
