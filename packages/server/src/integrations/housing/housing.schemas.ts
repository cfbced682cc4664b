import { z } from "zod";
import { ZCountyCode } from "../../platform/http/schemas";

const ZParty = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(8).max(30) });

/** 调取网签合同: the case's own facts, compared with the online contract the housing bureau holds. */
export const ZContractCheckRequest = z.object({
  caseRef: z.string().min(1).max(64),
  jurisdiction: ZCountyCode,
  contractNo: z.string().min(1).max(64),
  application: z.object({
    unitCode: z.string().length(28),
    priceFen: z.number().int().nonnegative(),
    areaSqm: z.number().positive(),
    buyers: z.array(ZParty).min(1).max(20),
    sellers: z.array(ZParty).min(1).max(20),
  }),
});
export type TContractCheckRequest = z.infer<typeof ZContractCheckRequest>;
