import { type FeeTables, NATIONAL_FEE_TABLE } from "@yulin/domain/fees/index";
import pino, { type Logger } from "pino";
import { listInstitutionsOfKind } from "../identity/institution.repository";
import { systemContext } from "../platform/audit/audit";
import type { Config } from "../platform/config";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { createOutbox } from "../platform/outbox/outbox";
import { createOutboxWorker, type OutboxWorker } from "../platform/outbox/outbox.worker";
import { bankCallbacks, type RepaymentPort } from "./bank/bank.callbacks";
import { BANK_TOPICS, bankTopics, createBankNotifier } from "./bank/bank.notifications";
import { createBankEvents } from "./bank/bank-events";
import { createElicenceSimulator, createHttpElicenceConnector } from "./elicence/elicence.connector";
import { createElicenceService } from "./elicence/elicence.service";
import { createFaceSimulator, createHttpFaceConnector } from "./face/face.connector";
import { createHousingSimulator, createHttpHousingConnector } from "./housing/housing.connector";
import { createHousingService } from "./housing/housing.service";
import { identityChecks } from "./identity-checks";
import { createHttpNationalConnector } from "./national/national.connector";
import {
  createNationalService,
  type NationalService,
  type RegistrationsPort,
} from "./national/national.service";
import { createNationalSimulator } from "./national/national.simulator";
import { NATIONAL_TOPICS, nationalTopics } from "./national/national.topics";
import { type ConnectorMode, createOperationsService } from "./operations/operations.service";
import { createGatewaySimulator } from "./payment/gateway.simulator";
import { paymentCallbacks } from "./payment/payment.callbacks";
import { createHttpPaymentGateway } from "./payment/payment.gateway";
import { createPaymentService, type PaymentService } from "./payment/payment.service";
import { createRefundService, PAYMENT_TOPICS, refundTopics } from "./payment/refund.service";
import { listInstitutionConnections } from "./shared/connections.repository";
import { createConnectionsService } from "./shared/connections.service";
import { createSignedClient } from "./shared/http-client";
import { createInboundService } from "./shared/inbound.service";
import { createSimulatorStore } from "./shared/simulator-store.repository";
import { loadOrCreateSigningKey } from "./shared/sm2";
import { createHttpSmsConnector, createSmsSimulator, listSimulatedSms } from "./sms/sms.connector";
import type { HouseholdHousingCount } from "./tax/household-housing-count";
import { createHttpTaxConnector } from "./tax/tax.connector";
import { createTaxService } from "./tax/tax.service";
import { createTaxSimulator } from "./tax/tax.simulator";
import { TAX_TOPICS, taxCallbacks, taxTopics } from "./tax/tax.topics";
import { createUtilitiesService, type UtilityCasePort } from "./utilities/utilities.service";
import { UTILITY_TOPICS, utilityTopics } from "./utilities/utilities.topics";
import { createUtilityConnectors, utilityModes } from "./utilities/utilities.wiring";

/**
 * Registration fee tables: the national one, and per-province overrides keyed by `xx0000`
 * (e.g. `"500000": { waiveChanges: true }` where a province waives change fees [?]).
 */
/** The one registry of outbox topics: each capability declares its own, with payload schemas. */
export const OUTBOX_TOPICS = {
  ...TAX_TOPICS,
  ...PAYMENT_TOPICS,
  ...BANK_TOPICS,
  ...UTILITY_TOPICS,
  ...NATIONAL_TOPICS,
} as const;

export const FEE_TABLES: FeeTables = { national: NATIONAL_FEE_TABLE, provinces: {} };

/**
 * Wires department collaboration: each connector is the simulator unless its URL is configured.
 * `housingCount` answers the tax declaration's household home count: the register's own count
 * (register/household-housing-count.ts) in the app; the simulated one only where a test asks.
 */
export function createIntegrations(deps: {
  db: Database;
  config: Config;
  pii: PiiCipher;
  now: () => Date;
  housingCount: HouseholdHousingCount;
  /** The cases capability's view of a case for the 1+N utility choice (cases/case-facts.port.ts). */
  utilityCase: UtilityCasePort;
  /** The process's logger (asynchronous, platform/logging.ts); else one at the configured level. */
  log?: Logger;
  /** 登簿日志对账: the day's registered cases (cases/, wired in entrypoints/setup.ts). */
  registrations: RegistrationsPort;
  /** The national simulator's misbehaviour draws (tests seed it); Math.random otherwise. */
  nationalRandom?: () => number;
}) {
  const { db, config, pii, now } = deps;
  const ic = config.integrations;
  const log = deps.log ?? pino({ level: config.logLevel, name: "outbox" });
  const signingKey = loadOrCreateSigningKey(ic.signingKeyHex, config.dataDir);
  const store = createSimulatorStore(db, pii);
  const personKey = (n: string) => pii.lookupHash(n);
  let worker: OutboxWorker | undefined;
  const wake = () => worker?.wake();
  const client = (baseUrl: string) =>
    createSignedClient({ baseUrl, privateKey: signingKey.privateKey, timeoutMs: ic.connectorTimeoutMs, now });

  const outbox = createOutbox({ pii, maxAttempts: ic.outboxMaxAttempts, now, topics: OUTBOX_TOPICS });
  const taxConnector = ic.taxUrl
    ? createHttpTaxConnector(client(ic.taxUrl), now)
    : createTaxSimulator({
        store,
        localRateBp: ic.deedTaxLocalRateBp,
        platformPublicKey: signingKey.publicKey,
        now,
      });
  const tax = createTaxService({
    db,
    pii,
    outbox,
    housingCount: deps.housingCount,
    signingKey,
    localRateBp: ic.deedTaxLocalRateBp,
    now,
    wake,
  });

  let payments: PaymentService | undefined;
  const gatewaySimulator = ic.paymentUrl
    ? null
    : createGatewaySimulator({
        store,
        publicUrl: ic.publicUrl,
        now,
        notify: (n) => payments!.handleGatewayPayment(systemContext("payment-simulator"), n),
      });
  const gateway = gatewaySimulator ?? createHttpPaymentGateway(client(ic.paymentUrl!), now);
  const refunds = createRefundService({ db, outbox, tax, treasuryAccount: ic.treasuryAccount, now });
  payments = createPaymentService({
    db,
    gateway,
    tax,
    refunds,
    feeTables: FEE_TABLES,
    accounts: { treasury: ic.treasuryAccount, nonTax: ic.nonTaxAccount },
    publicUrl: ic.publicUrl,
    now,
    wake,
  });

  const housingConnector = ic.housingUrl
    ? createHttpHousingConnector(client(ic.housingUrl))
    : createHousingSimulator({ store, personKey, now });
  const housing = createHousingService({ db, pii, connector: housingConnector, now });
  const elicenceConnector = ic.elicenceUrl
    ? createHttpElicenceConnector(client(ic.elicenceUrl))
    : createElicenceSimulator({ store, personKey });
  const elicence = createElicenceService({ db, pii, connector: elicenceConnector, now });
  const notifyBanks = createBankNotifier(outbox);
  // Sign-up: SMS codes, the ID record's name, face verification, business licences.
  const sms = ic.smsUrl
    ? createHttpSmsConnector(client(ic.smsUrl))
    : createSmsSimulator({ store, log: deps.log ?? log, now });
  const face = ic.faceUrl
    ? createHttpFaceConnector(client(ic.faceUrl))
    : createFaceSimulator({ store, personKey });
  // Bound by the composition root once the cases capability exists (it needs notifyBanks first).
  let repaymentPort: RepaymentPort | undefined;
  const utilityConnectors = createUtilityConnectors({ config: ic.utilities, store, signingKey, ic, now });
  const utilities = createUtilitiesService({ db, outbox, caseOf: deps.utilityCase, now, wake });
  const nc = config.national;
  const nationalConnector = nc.url
    ? createHttpNationalConnector(client(nc.url), now)
    : createNationalSimulator({
        store,
        now,
        ackDropRate: nc.simulatorAckDropRate,
        timeoutRate: nc.simulatorTimeoutRate,
        ...(deps.nationalRandom ? { random: deps.nationalRandom } : {}),
      });
  const national: NationalService = createNationalService({
    db,
    outbox,
    connector: nationalConnector,
    registrations: deps.registrations,
    ackGraceMinutes: nc.ackGraceMinutes,
    now,
    wake,
  });

  const handlers = [
    ...taxTopics(taxConnector, tax),
    ...refundTopics(gateway, refunds),
    ...utilityTopics(utilityConnectors, utilities),
    ...nationalTopics(nationalConnector, () => national),
    ...bankTopics({
      db,
      store,
      privateKey: signingKey.privateKey,
      timeoutMs: ic.connectorTimeoutMs,
      now,
      outbound: { allow: config.outboundAllow },
    }),
  ];
  const unhandled = Object.keys(OUTBOX_TOPICS).filter((t) => !handlers.some((h) => h.topic === t));
  if (unhandled.length > 0) throw new Error(`outbox topics without a handler: ${unhandled.join(", ")}`);
  const inbound = createInboundService({
    db,
    now,
    maxSkewSeconds: ic.callbackMaxSkewSeconds,
    handlers: [...taxCallbacks(tax), ...paymentCallbacks(payments), ...bankCallbacks(() => repaymentPort)],
  });
  worker = createOutboxWorker({
    db,
    pii,
    handlers,
    options: {
      pollMs: ic.outboxPollMs,
      leaseSeconds: ic.outboxLeaseSeconds,
      backoffBaseMs: ic.outboxBackoffBaseMs,
      backoffMaxMs: ic.outboxBackoffMaxMs,
    },
    now,
    log,
    // Nonces older than the freshness window can no longer be replayed: forget them.
    housekeeping: { everyMs: 10 * 60_000, run: () => inbound.prune() },
  });

  const modes = async (): Promise<ConnectorMode[]> => {
    const mode = (connector: string, label: string, url: string | undefined): ConnectorMode => ({
      connector,
      label,
      mode: url ? "http" : "simulator",
      url: url ?? null,
    });
    const banks = await listInstitutionsOfKind(db, "bank");
    const endpoints = new Map(
      (
        await listInstitutionConnections(
          db,
          banks.map((b) => b.id),
        )
      ).map((c) => [c.institution_id, c.endpoint_url]),
    );
    return [
      mode("tax", "税务 Tax bureau", ic.taxUrl),
      mode("payment", "统一支付 Payment channel", ic.paymentUrl),
      mode("housing", "住建 Housing bureau", ic.housingUrl),
      mode("elicence", "电子证照库 E-licence library", ic.elicenceUrl),
      mode("sms", "短信平台 SMS gateway", ic.smsUrl),
      mode("face", "人脸核验 Face verification", ic.faceUrl),
      ...utilityModes(ic.utilities).map((u) => mode(u.connector, u.label, u.url)),
      mode("national", "国家级平台 National registration platform (登簿日志)", nc.url),
      ...banks.map((b) => mode(`bank:${b.id}`, b.name, endpoints.get(b.id) ?? undefined)),
    ];
  };
  const operations = createOperationsService({
    db,
    now,
    modes,
    wake,
    simulatedSms: ic.smsUrl ? undefined : () => listSimulatedSms(store),
  });
  const connections = createConnectionsService({
    db,
    now,
    platformPublicKey: signingKey.publicKey,
    outbound: { allow: config.outboundAllow },
  });

  return {
    outbox,
    worker,
    bankEvents: createBankEvents({ db, pii }),
    signingKey,
    simulatorStore: store,
    tax,
    payments,
    gatewaySimulator,
    housing,
    /** 网签 contracts as the housing bureau holds them (projects/: presale notices in batch). */
    housingConnector,
    elicence,
    notifyBanks,
    utilities,
    national,
    /** For the cases module's registering transaction: 登簿日志上报. */
    reportRegistration: national.reportRegistration,
    inbound,
    /** 带押过户（分段）: where the banks' `repayment-confirmed` callbacks go (the cases capability). */
    bindRepayments(port: RepaymentPort) {
      repaymentPort = port;
    },
    operations,
    connections,
    /** For the cases module's registering transaction (R22). */
    requireTaxCleared: tax.requireTaxCleared,
    notifyTaxRegistered: tax.notifyTaxRegistered,
    /** For the registering transaction of a transfer: the buyer's chosen 1+N utility transfers. */
    requestUtilityTransfers: utilities.requestTransfers,
    /** For the cases module's transaction that ends a case without registration (退费). */
    refundUnregisteredCase: refunds.refundUnregisteredCase,
    /** For the cases module's 零材料: licences and filed contracts fetched into a case. */
    fetchLicence: elicence.fetchLicence,
    fetchContract: housing.fetchContract,
    /** For identity's sign-up (identity/sign-up.ports.ts). */
    identityChecks: identityChecks({ sms, face, elicence: elicenceConnector }),
  };
}

export type Integrations = ReturnType<typeof createIntegrations>;
