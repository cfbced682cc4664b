import type { FastifyPluginAsync } from "fastify";
import type { Database } from "../platform/db/database";
import type { ArchivePorts } from "./archive.ports";
import { archiveRoutes } from "./archive.routes";
import { createArchiveService } from "./archive.service";
import { createArchiveLoansService } from "./archive-loans.service";
import { createLegacyImport } from "./legacy-import";

/** Wires the electronic archive (电子档案): packages, lifecycle, lending, legacy import. */
export function createArchiveModule(deps: {
  db: Database;
  ports: ArchivePorts;
  archiveDir: string;
  now: () => Date;
}) {
  const archive = createArchiveService(deps);
  const loans = createArchiveLoansService(deps);
  return { archive, loans, importLegacy: createLegacyImport(deps, archive) };
}

export type ArchiveModule = ReturnType<typeof createArchiveModule>;

export const archivePlugin =
  (module: ArchiveModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(archiveRoutes(module));
  };
