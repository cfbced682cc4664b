import { DEFAULT_OFFICE_SETTINGS, type HolidayCalendar, type OfficeSettings } from "@yulin/domain";
import type { FastifyPluginAsync } from "fastify";
import pino, { type Logger } from "pino";
import type { Integrations } from "../integrations/integrations.module";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { caseRoutes } from "./case.routes";
import { createCaseApplicationService } from "./case.service";
import { createDeadlineRecompute } from "./case-deadlines";
import { caseFetchingRoutes } from "./case-fetching.routes";
import { createCaseFetchingService } from "./case-fetching.service";
import { caseNotaryRoutes } from "./case-notary.routes";
import { createNotaryFilingService } from "./case-notary.service";
import { caseRatingRoutes } from "./case-ratings.routes";
import { createCaseRatingsService } from "./case-ratings.service";
import type { RegisteringPorts } from "./case-registering";
import { createRepaymentConfirmations } from "./case-repayments";
import { createCaseViewsService } from "./case-views.service";
import { caseWorkflowRoutes } from "./case-workflow.routes";
import { createCaseWorkflowService } from "./case-workflow.service";
import { createEffectsScheduler } from "./effects.scheduler";

export type CasesModuleDeps = {
  db: Database;
  /** After a registration commits (e.g. supervision's integrity rules sweep soon). */
  onRegistered?: () => void;
  pii: PiiCipher;
  now: () => Date;
  loadCalendar: () => Promise<HolidayCalendar>;
  integrations: Pick<
    Integrations,
    | "requireTaxCleared"
    | "notifyTaxRegistered"
    | "requestUtilityTransfers"
    | "reportRegistration"
    | "notifyBanks"
    | "refundUnregisteredCase"
    | "fetchLicence"
    | "fetchContract"
  >;
  /**
   * The certificates capability (certificates/): numbers and data inside the registering
   * transaction, voiding on transfer (R26), sealing after commit.
   */
  certificates: {
    service: {
      prepareInTx: RegisteringPorts["certificates"]["prepare"];
      voidInTx: RegisteringPorts["certificates"]["voidOnUnit"];
      replaceInTx: RegisteringPorts["certificates"]["replace"];
      linkEntryInTx: RegisteringPorts["certificates"]["linkEntry"];
      /** The certificates a case produced, for the case page. */
      listOfCase: (
        caseId: string,
      ) => Promise<Array<{ id: string; number: string; kind: string; status: string }>>;
    };
    sealing: { wake(): void };
  };
  logLevel?: string;
  /** The process's logger (asynchronous, platform/logging.ts); else one at `logLevel`. */
  log?: Logger;
  /** Per-office settings ([?] items of the reference); defaults otherwise. */
  offices?: Readonly<Record<string, Partial<OfficeSettings>>>;
};

/**
 * The holiday calendar changes rarely (a second administrator approves a year): cached for a
 * minute, and dropped at once when the calendar capability reports a change.
 */
function cachedCalendar(load: () => Promise<HolidayCalendar>, ttlMs = 60_000) {
  let cached: { at: number; calendar: Promise<HolidayCalendar> } | undefined;
  const get = () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      cached = { at: now, calendar: load() };
      cached.calendar.catch(() => {
        cached = undefined;
      });
    }
    return cached.calendar;
  };
  return Object.assign(get, {
    invalidate: () => {
      cached = undefined;
    },
  });
}

/**
 * Wires the cases capability: the application side (drafts, parties, signatures, materials), the
 * stage workflow with the registering transaction, the read views, and the scheduler of
 * time-driven effects. Services receive exactly what they use.
 */
export function createCasesModule(deps: CasesModuleDeps) {
  const { db, pii, now, certificates } = deps;
  const calendar = cachedCalendar(deps.loadCalendar);
  const officeSettings = (code: string): OfficeSettings => ({
    code,
    allowsCommitments: DEFAULT_OFFICE_SETTINGS.allowsCommitments,
    ...deps.offices?.[code],
  });
  const application = createCaseApplicationService({ db, pii, now });
  const workflow = createCaseWorkflowService({
    db,
    pii,
    now,
    calendar,
    officeSettings,
    requireTaxCleared: deps.integrations.requireTaxCleared,
    notifyTaxRegistered: deps.integrations.notifyTaxRegistered,
    requestUtilityTransfers: deps.integrations.requestUtilityTransfers,
    reportRegistration: deps.integrations.reportRegistration,
    notifyBanks: deps.integrations.notifyBanks,
    refundUnregisteredCase: deps.integrations.refundUnregisteredCase,
    certificates: {
      prepare: (tx, ctx, input) => certificates.service.prepareInTx(tx, ctx, input),
      voidOnUnit: (tx, ctx, input) => certificates.service.voidInTx(tx, ctx, input),
      // 补发/换发: the certificates module replaces the e-certificate and records the new number.
      replace: (tx, ctx, target, input) => certificates.service.replaceInTx(tx, ctx, target, input),
      // The QR page proves the inclusion of the entry that recorded the right.
      linkEntry: (tx, id, seq) => certificates.service.linkEntryInTx(tx, id, seq),
    },
    afterCommit: () => {
      certificates.sealing.wake();
      deps.onRegistered?.();
    },
  });
  const views = createCaseViewsService({
    db,
    now,
    calendar,
    application,
    workflow,
    certificatesOf: (caseId) => certificates.service.listOfCase(caseId),
  });
  const log = deps.log ?? pino({ level: deps.logLevel ?? "info", name: "scheduler" });
  // A waiting seizure that time makes effective is told to the mortgagee banks, like one registered.
  const scheduler = createEffectsScheduler({
    db,
    now,
    calendar,
    officeSettings,
    log,
    banks: { notifyBanks: deps.integrations.notifyBanks, pii },
  });
  const ratings = createCaseRatingsService({ db, application });
  /** For the calendar capability: a new holiday schedule moves the deadlines of open cases. */
  const deadlines = {
    recomputeOpen: createDeadlineRecompute({ now, officeSettings }),
    calendarChanged: () => calendar.invalidate(),
  };
  const fetching = createCaseFetchingService({
    db,
    pii,
    ports: {
      fetchLicence: (ctx, input) => deps.integrations.fetchLicence(ctx, input),
      fetchContract: (ctx, input) => deps.integrations.fetchContract(ctx, input),
    },
  });
  // 带押过户（分段）: the old bank's confirmation through the bank connector cancels its mortgage.
  const repayments = createRepaymentConfirmations({ pii });
  const notary = createNotaryFilingService({ application });
  return { application, workflow, views, ratings, scheduler, deadlines, fetching, repayments, notary };
}

export type CasesModule = ReturnType<typeof createCasesModule>;

export const casesPlugin =
  (module: CasesModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(
      caseRoutes({ application: module.application, workflow: module.workflow, views: module.views }),
    );
    await app.register(caseWorkflowRoutes({ workflow: module.workflow, views: module.views }));
    await app.register(caseRatingRoutes(module.ratings));
    await app.register(caseFetchingRoutes(module.fetching));
    await app.register(caseNotaryRoutes(module.notary));
    app.addHook("onClose", async () => module.scheduler.stop());
  };
