import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  addMaterial,
  type CreateCaseRequest,
  createCase,
  fileToBase64,
  type SubmitResult,
  submitCase,
} from "../../cases/api/cases.api";

export type InstructionFiles = Record<string, File>;

export type SeizureValues = {
  typeId: "seizure.seize" | "seizure.wait" | "seizure.release" | "seizure.extend";
  unitCode: string;
  documentNo: string;
  periodStart: string;
  periodEnd: string;
  targetSeizureId?: string;
};

/** A court's instruction as a case: the court itself is the 嘱托机关, the document and period its particulars. */
export function seizureRequest(v: SeizureValues, court: string, username: string): CreateCaseRequest {
  return {
    typeId: v.typeId,
    unitCode: v.unitCode.replace(/\s+/g, ""),
    parts: [
      {
        details: {
          documentNo: v.documentNo,
          seizure: {
            court,
            deliveredAt: new Date().toISOString(),
            periodStart: v.periodStart,
            periodEnd: v.periodEnd,
            ...(v.targetSeizureId ? { targetSeizureId: v.targetSeizureId } : {}),
          },
        },
        parties: [{ role: "instructing-authority", account: username }],
      },
    ],
  };
}

/**
 * An institution's instruction filed in one go (a court's seizure, release or extension): the case
 * is created, its documents uploaded, then submitted — eligible ones are registered at once.
 */
export function useInstruction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      request,
      files,
    }: {
      request: CreateCaseRequest;
      files: InstructionFiles;
    }): Promise<SubmitResult> => {
      const { id } = await createCase({ ...request, confirm: true });
      for (const [materialId, file] of Object.entries(files)) {
        await addMaterial(id, {
          source: "upload",
          materialId,
          fileName: file.name,
          mediaType: file.type || "application/pdf",
          contentBase64: await fileToBase64(file),
        });
      }
      return submitCase(id);
    },
    onSettled: () => client.invalidateQueries(),
  });
}

/** `YYYY-MM-DD` plus years, minus one day (a three-year seizure ends the day before). */
export function periodEnd(start: string, years: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
