import { isNotarialDeedNo, NOTARIAL_DEED_MATERIAL, NOTARY_FILING_TYPES } from "@yulin/domain";
import { sm3Hex } from "../integrations/shared/sm2";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { AppError } from "../platform/errors";
import { insertFile, insertMaterial } from "./case.repository";
import type { CaseApplicationService } from "./case.service";
import { requireActor } from "./case-lock";
import { checkedUpload, type MaterialInput } from "./case-materials.service";

export type NotaryFilingInput = {
  typeId: string;
  unitCode: string;
  parts: NonNullable<Parameters<CaseApplicationService["createCase"]>[1]["parts"]>;
  deed: { deedNo: string; fileName: string; mediaType: string; contentBase64: string };
};

/**
 * 公证机构代办: a notary files an inheritance or gift registration with its notarial deed in one
 * transaction: the case, its parties and the deed (SM3 digest, stored as the material the type
 * accepts in place of the will or gift contract) exist together or not at all.
 */
export function createNotaryFilingService(deps: { application: CaseApplicationService }) {
  return {
    async fileNotarised(ctx: RequestContext, input: NotaryFilingInput) {
      const actor = requireActor(ctx);
      if (actor.kind !== "institution" || actor.institutionKind !== "notary")
        throw new AppError("NOTARY.NOT_NOTARY");
      if (!(NOTARY_FILING_TYPES as readonly string[]).includes(input.typeId))
        throw new AppError("NOTARY.INVALID", { reason: "not an inheritance or gift", typeId: input.typeId });
      if (!isNotarialDeedNo(input.deed.deedNo))
        throw new AppError("NOTARY.INVALID", { reason: "bad deed number", deedNo: input.deed.deedNo });
      const upload: Extract<MaterialInput, { source: "upload" }> = {
        source: "upload",
        materialId: NOTARIAL_DEED_MATERIAL,
        fileName: input.deed.fileName,
        mediaType: input.deed.mediaType,
        contentBase64: input.deed.contentBase64,
      };
      const bytes = await checkedUpload(upload);
      const sm3 = sm3Hex(bytes);
      const created = await deps.application.createCase(
        ctx,
        { typeId: input.typeId, unitCode: input.unitCode, parts: input.parts },
        async (tx, id) => {
          await insertFile(tx, { sm3, mediaType: input.deed.mediaType, bytes });
          await insertMaterial(tx, {
            case_id: id,
            material_id: NOTARIAL_DEED_MATERIAL,
            source: "upload",
            added_by: actor.accountId,
            file_name: input.deed.fileName,
            file_sm3: sm3,
            document_no: input.deed.deedNo.trim(),
          });
          await writeAudit(tx, ctx, {
            action: "case.notary-filing",
            outcome: "success",
            targetType: "case",
            targetId: id,
            jurisdiction: id.slice(0, 6),
            details: { typeId: input.typeId, deedNo: input.deed.deedNo.trim(), sm3 },
          });
        },
      );
      return { id: created.id, deed: { deedNo: input.deed.deedNo.trim(), sm3 } };
    },
  };
}

export type NotaryFilingService = ReturnType<typeof createNotaryFilingService>;
