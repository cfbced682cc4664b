import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "./database";
import * as foundation from "./migrations/2026-11-24T0900-foundation";
import * as register from "./migrations/2026-11-24T1000-register";
import * as integrations from "./migrations/2026-11-24T1100-integrations";
import * as certificates from "./migrations/2026-11-24T1200-certificates";
import * as cases from "./migrations/2026-11-24T1300-cases";
import * as caseRatings from "./migrations/2026-11-24T1400-case-ratings";
import * as registerLookups from "./migrations/2026-11-24T1410-register-lookups";
import * as paymentRefunds from "./migrations/2026-11-24T1420-payment-refunds";
import * as replacedCertificates from "./migrations/2026-11-24T1430-replaced-certificates";
import * as ledgerSequencer from "./migrations/2026-12-03T0900-ledger-sequencer";
import * as holidaySchedules from "./migrations/2026-12-03T1200-holiday-schedules";
import * as queries from "./migrations/2026-12-03T1300-queries";
import * as security from "./migrations/2026-12-03T1300-security";
import * as fetchedCaseMaterials from "./migrations/2026-12-03T1310-fetched-case-materials";
import * as idempotencyKeys from "./migrations/2026-12-03T1500-idempotency-keys";
import * as integrityAlerts from "./migrations/2026-12-03T1500-integrity-alerts";
import * as projects from "./migrations/2026-12-03T1500-projects";
import * as signUp from "./migrations/2026-12-03T1500-sign-up";
import * as transparency from "./migrations/2026-12-03T1500-transparency";
import * as utilityTransfers from "./migrations/2026-12-03T1500-utility-transfers";
import * as caseRepayments from "./migrations/2026-12-03T1510-case-repayments";
import * as archiveNational from "./migrations/2026-12-03T1600-archive-national";

/** Migrations are listed explicitly (no directory scan): the bundle is the same under tsx and tests. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026-11-24T0900-foundation": foundation,
  "2026-11-24T1000-register": register,
  "2026-11-24T1100-integrations": integrations,
  "2026-11-24T1200-certificates": certificates,
  "2026-11-24T1300-cases": cases,
  "2026-11-24T1400-case-ratings": caseRatings,
  "2026-11-24T1410-register-lookups": registerLookups,
  "2026-11-24T1420-payment-refunds": paymentRefunds,
  "2026-11-24T1430-replaced-certificates": replacedCertificates,
  "2026-12-03T0900-ledger-sequencer": ledgerSequencer,
  "2026-12-03T1200-holiday-schedules": holidaySchedules,
  "2026-12-03T1300-queries": queries,
  "2026-12-03T1300-security": security,
  "2026-12-03T1310-fetched-case-materials": fetchedCaseMaterials,
  "2026-12-03T1500-projects": projects,
  "2026-12-03T1500-integrity-alerts": integrityAlerts,
  "2026-12-03T1500-sign-up": signUp,
  "2026-12-03T1510-case-repayments": caseRepayments,
  "2026-12-03T1500-utility-transfers": utilityTransfers,
  "2026-12-03T1500-transparency": transparency,
  "2026-12-03T1500-idempotency-keys": idempotencyKeys,
  "2026-12-03T1600-archive-national": archiveNational,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

export async function migrateToLatest(db: Database): Promise<string[]> {
  // Capabilities land in parallel: a migration named before one a database already ran (e.g.
  // 1000-register after 1100-integrations) still runs instead of stopping the start.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
