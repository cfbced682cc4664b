import { createArchiveModule } from "../archive/archive.module";
import { createCalendarService, seedHolidaysFromChineseDays } from "../calendar/calendar.service";
import { createHolidayScheduleService } from "../calendar/holiday-schedule.service";
import { caseFactsFor } from "../cases/case-facts.port";
import { createCasesModule } from "../cases/cases.module";
import { listRegisteredBetween } from "../cases/registered-cases.repository";
import { findCertificate } from "../certificates/certificate.repository";
import { createCertificatesModule } from "../certificates/certificates.module";
import { createDashboardService } from "../dashboards/dashboard.service";
import { findAccountIdentity } from "../identity/account.repository";
import { createAccountService } from "../identity/account.service";
import { createAccountRecoveryService } from "../identity/account-recovery.service";
import { createApiTokenService, createAuthService } from "../identity/auth.service";
import { createCompanySignUpService } from "../identity/company-sign-up.service";
import { findInstitution } from "../identity/institution.repository";
import { findOfficeName } from "../identity/office.repository";
import { createSignUpService } from "../identity/sign-up.service";
import { createStaffAdminService } from "../identity/staff-admin.service";
import { createIntegrations } from "../integrations/integrations.module";
import type { Config } from "../platform/config";
import { createPiiCipher, loadOrCreatePiiKey } from "../platform/crypto/pii-cipher";
import { useOpensslSm3 } from "../platform/crypto/sm3";
import { openDatabase } from "../platform/db/database";
import { migrateToLatest } from "../platform/db/migrator";
import { createProcessLog, type ProcessLog } from "../platform/logging";
import { createProjectsModule } from "../projects/projects.module";
import { createQueriesModule } from "../queries/queries.module";
import { createRegisterHousingCount } from "../register/household-housing-count";
import { listSealKeys } from "../register/ledger.repository";
import { createRegisterModule } from "../register/register.module";
import { createSupervisionModule } from "../supervision/supervision.module";
import { createTransparencyModule } from "../transparency/transparency.module";
import { archivePorts } from "./archive.wiring";
import { projectPorts } from "./projects.wiring";
import { queryPorts } from "./queries.wiring";

/**
 * The one setup shared by the API, the worker and the CLI: open the database, migrate, load
 * reference data, and wire each service with exactly what it uses.
 */
export async function openServices(
  config: Config,
  options: { memory?: boolean; processLog?: ProcessLog; nationalRandom?: () => number } = {},
) {
  useOpensslSm3();
  const processLog = options.processLog ?? createProcessLog(config.logLevel);
  const { log } = processLog;
  const handle = await openDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dataDir: options.memory ? undefined : config.dataDir },
  );
  try {
    await migrateToLatest(handle.db);
    await seedHolidaysFromChineseDays(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const { db } = handle;
  const now = () => new Date();
  const pii = createPiiCipher(loadOrCreatePiiKey(config.piiKeyHex, config.dataDir));
  // Department collaboration: connectors (simulators unless configured), outbox and its worker;
  // the tax declaration's household home count comes from the register's current holders.
  const integrations = createIntegrations({
    db,
    config,
    pii,
    now,
    housingCount: createRegisterHousingCount(),
    utilityCase: caseFactsFor,
    log: log.child({ name: "outbox" }),
    // 登簿日志对账 reads the day's registered cases (UTC+8 day).
    registrations: {
      registeredOn: (day) => {
        const from = new Date(`${day}T00:00:00+08:00`);
        return listRegisteredBetween(db, from, new Date(from.getTime() + 86_400_000));
      },
    },
    ...(options.nationalRandom ? { nationalRandom: options.nationalRandom } : {}),
  });
  // The register 登记簿: ledger, projections, proofs, import (register/).
  const register = createRegisterModule({
    db,
    pii,
    config,
    now,
    log: log.child({ name: "ledger-sequencer" }),
    identities: {
      institutionCreditCode: async (id) => (await findInstitution(db, id))?.credit_code,
      accountIdentity: (id) => findAccountIdentity(db, id),
    },
    certificates: { findIssued: (number) => findCertificate(db, { number }) },
  });
  // Certificates: numbers, sealing worker, QR verification; the register's seal key and proofs.
  const certificates = createCertificatesModule({
    db,
    pii,
    config,
    now,
    seal: register.seal,
    ledger: register.ledger,
    offices: { findName: findOfficeName },
    pastSealPublicKeys: async () => (await listSealKeys(db)).map((k) => k.public_key),
  });
  const calendar = createCalendarService({ db, now });
  // 廉防预警: integrity and risk rules over the cases, forms, query log and tax (supervision/).
  const supervision = createSupervisionModule({ db, now, log: log.child({ name: "integrity" }) });
  // Cases and workflow: applications, stages, the registering transaction, time-driven effects (cases/).
  const cases = createCasesModule({
    db,
    pii,
    now,
    loadCalendar: calendar.loadCalendar,
    integrations,
    certificates,
    log: log.child({ name: "scheduler" }),
    onRegistered: () => supervision.scheduler.poke(),
  });
  integrations.bindRepayments(cases.repayments);
  // 节假日安排 under four-eyes: an approved schedule recomputes open cases' deadlines (cases/).
  const holidaySchedules = createHolidayScheduleService({ db, now, openCases: cases.deadlines });
  // Queries and disclosure (查询, R30): applications, sealed results, the query log (queries/).
  const queries = createQueriesModule({
    db,
    pii,
    now,
    publicUrl: config.integrations.publicUrl,
    seal: register.seal,
    trustedPublicKeys: async () => (await listSealKeys(db)).map((k) => k.public_key),
    ...queryPorts(db),
    addWorkingDays: async (from, days) => (await calendar.deadline(from, days)).date,
  });
  // 注册: self sign-up, company accounts and their agents, password reset by SMS (identity/).
  const accounts = createAccountService({ db, pii });
  const signUp = createSignUpService({ db, pii, accounts, ports: integrations.identityChecks, now });
  const today = () => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  // 开发企业项目: 楼盘表, the building's first registration, presale notices, 预转本 (projects/).
  const projects = createProjectsModule({
    db,
    now,
    ports: projectPorts({
      db,
      pii,
      cadastre: register.cadastre,
      certificates,
      integrations,
      loadCalendar: calendar.loadCalendar,
    }),
  });
  // 一屏智判 (dashboards/) and 阳光登记: public statistics, complaints, compensation (transparency/).
  const dashboards = createDashboardService({ db, now });
  const transparency = createTransparencyModule({
    db,
    pii,
    now,
    addWorkingDays: async (from, days) => (await calendar.deadline(from, days)).date,
  });
  // 电子档案 (archive/): case packages signed with the registry's seal key, lifecycle and lending.
  const archive = createArchiveModule({
    db,
    now,
    archiveDir: config.archiveDir,
    ports: archivePorts({ db, register, certificates, cases }),
  });
  return {
    config,
    db,
    log,
    flushLog: processLog.flush,
    backend: handle.backend,
    close: handle.close,
    now,
    pii,
    auth: createAuthService({ db, config, now }),
    tokens: createApiTokenService({ db, now, ttlDays: config.apiTokenTtlDays }),
    accounts,
    signUp,
    recovery: createAccountRecoveryService({ db, pii, signUp, now }),
    companySignUp: createCompanySignUpService({
      db,
      pii,
      accounts,
      ports: integrations.identityChecks,
      today,
    }),
    staffAdmin: createStaffAdminService({ db }),
    calendar,
    holidaySchedules,
    register,
    certificates,
    integrations,
    cases,
    queries,
    projects,
    supervision,
    dashboards,
    transparency,
    archive,
  };
}

export type Services = Awaited<ReturnType<typeof openServices>>;
