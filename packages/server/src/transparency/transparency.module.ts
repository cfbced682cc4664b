import type { FastifyPluginAsync } from "fastify";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { compensationRoutes } from "./compensation.routes";
import { createCompensationService } from "./compensation.service";
import { createComplaintService } from "./complaint.service";
import { createPublicStatisticsService } from "./public-statistics.service";
import { complaintStaffRoutes, publicRoutes } from "./transparency.routes";

/** Wires 阳光登记: public statistics, complaints (投诉) and compensation (赔偿). */
export function createTransparencyModule(deps: {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  addWorkingDays: (from: string, days: number) => Promise<string>;
}) {
  return {
    statistics: createPublicStatisticsService(deps),
    complaints: createComplaintService(deps),
    compensation: createCompensationService(deps),
  };
}

export type TransparencyModule = ReturnType<typeof createTransparencyModule>;

export const transparencyPlugin =
  (module: TransparencyModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(publicRoutes(module));
    await app.register(complaintStaffRoutes(module));
    await app.register(compensationRoutes(module.compensation));
  };
