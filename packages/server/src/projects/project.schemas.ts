import { z } from "zod";

export const ZProjectCreate = z.object({
  name: z.string().trim().min(1).max(100),
  parcelCode: z.string().trim().length(19),
  presalePermit: z.string().trim().max(60).optional(),
});

export const ZTableImport = z.object({
  /** The 楼盘表 as CSV text (columns: see BUILDING_TABLE_COLUMNS). */
  csv: z.string().min(1).max(5_000_000),
});

export const ZRegisterBuilding = z.object({
  /** The materials filed for the building (规划核实, 竣工验收, 地籍调查 …). */
  materials: z.array(z.string().max(60)).max(20),
});

export const ZNoticeBatch = z.object({
  lines: z
    .array(
      z.object({
        contractNo: z.string().trim().min(1).max(40),
        mortgage: z
          .object({ bank: z.string().trim().min(1).max(60), amountFen: z.number().int().positive() })
          .optional(),
      }),
    )
    .min(1)
    .max(5000),
});

export const ZProjectView = z.object({
  id: z.string(),
  name: z.string(),
  parcelCode: z.string(),
  presalePermit: z.string().nullable(),
  createdAt: z.string(),
  buildings: z.array(
    z.object({
      buildingNo: z.string(),
      name: z.string(),
      unitCodes: z.array(z.string()),
      caseId: z.string().nullable(),
      registeredAt: z.string().nullable(),
      certificates: z.number(),
    }),
  ),
  notices: z.object({ filed: z.number(), converted: z.number(), failed: z.number() }),
});

const ZFinding = z.object({
  rule: z.string(),
  code: z.string(),
  severity: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
  basis: z.string().nullable(),
});

const ZConversion = z.object({
  converted: z.number(),
  failed: z.array(z.object({ unitCode: z.string(), caseId: z.string(), findings: z.array(ZFinding) })),
});

export const ZRegisterAnswer = z.object({
  registration: z.object({ caseId: z.string(), units: z.number(), certificates: z.array(z.string()) }),
  conversion: ZConversion,
});
export const ZConversionAnswer = ZConversion;

export const ZNoticeView = z.object({
  unitCode: z.string(),
  contractNo: z.string(),
  buyers: z.array(z.object({ name: z.string(), idNumberMasked: z.string().nullable() })),
  bank: z.string().nullable(),
  amountFen: z.number().nullable(),
  caseId: z.string(),
  status: z.enum(["filed", "converted", "failed"]),
  findings: z.array(ZFinding),
  certificates: z.array(z.string()),
});

export const ZConstructionMortgage = z.object({
  bank: z.string().trim().min(1).max(60),
  /** The loan in fen, shared evenly by the collateral units. */
  amountFen: z.number().int().positive(),
  /** The collateral units; all units of the building when absent. */
  units: z.array(z.string().length(28)).max(10_000).optional(),
  materials: z.array(z.string().max(60)).max(20),
});
