import path from "node:path";
import { UTILITY_SERVICES } from "@yulin/domain/utilities/utilities";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable Yulin reads. Documented in README.md ("Configuration"). */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  YULIN_DATA_DIR: z.string().min(1).default("./data"),
  YULIN_DEMO: flag.optional(),
  YULIN_PII_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (SM4 key + lookup-hash key)")
    .optional(),
  YULIN_SESSION_TTL_HOURS: positiveInt.max(24 * 30).default(12),
  YULIN_LOGIN_MAX_FAILURES: positiveInt.max(100).default(5),
  YULIN_LOGIN_MAX_DELAY_SECONDS: positiveInt.max(24 * 3600).default(900),
  YULIN_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: positiveInt.max(3600).default(30),
  YULIN_RATE_LIMIT_BAD_TOKEN_PER_MINUTE: positiveInt.default(10),
  YULIN_API_TOKEN_TTL_DAYS: positiveInt.max(3650).default(90),
  // Comma-separated origins (besides this server's own) allowed to send state-changing requests.
  YULIN_ALLOWED_ORIGINS: z
    .string()
    .refine((v) => v.split(",").every((o) => URL.canParse(o.trim())), "must be comma-separated URLs")
    .optional(),
  // Comma-separated hosts, IP addresses or CIDR ranges that outbound notifications may reach even
  // though they are private, loopback or link-local (an operator's own network).
  YULIN_OUTBOUND_ALLOW: z.string().optional(),
  YULIN_RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600),
  YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: positiveInt.default(300),
  YULIN_RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt.default(30),
  YULIN_BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  YULIN_COOKIE_SECURE: flag.default(false),
  YULIN_WEB_DIST: z.string().optional(),
  YULIN_SEAL_PRIVATE_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (the register's SM2 seal private key)")
    .optional(),
  // Department collaboration: connector URLs (unset = the built-in simulator), keys, outbox worker.
  YULIN_TAX_URL: z.url().optional(),
  YULIN_PAYMENT_URL: z.url().optional(),
  YULIN_HOUSING_URL: z.url().optional(),
  YULIN_ELICENCE_URL: z.url().optional(),
  YULIN_SMS_URL: z.url().optional(),
  YULIN_FACE_URL: z.url().optional(),
  YULIN_PUBLIC_URL: z.url().optional(),
  // 1+N utilities: `water=https://…,power=https://…` and each company's SM2 public key (130 hex).
  YULIN_UTILITY_URLS: servicePairs((v) => URL.canParse(v), "URL").optional(),
  YULIN_UTILITY_KEYS: servicePairs(
    (v) => /^04[0-9a-fA-F]{128}$/.test(v),
    "SM2 public key (04 + 128 hex)",
  ).optional(),
  YULIN_SIGNING_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (SM2 private key)")
    .optional(),
  YULIN_WORKER: z.enum(["embedded", "off"]).default("embedded"),
  YULIN_OUTBOX_POLL_MS: positiveInt.max(60_000).default(1000),
  YULIN_OUTBOX_MAX_ATTEMPTS: positiveInt.max(100).default(12),
  YULIN_OUTBOX_BACKOFF_BASE_MS: positiveInt.default(2000),
  YULIN_OUTBOX_BACKOFF_MAX_MS: positiveInt.default(3_600_000),
  YULIN_OUTBOX_LEASE_SECONDS: positiveInt.max(3600).default(120),
  YULIN_CONNECTOR_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
  YULIN_CALLBACK_MAX_SKEW_SECONDS: positiveInt.max(3600).default(300),
  YULIN_TREASURY_ACCOUNT: z.string().min(1).default("国库 佛山市中心支库 4406000001"),
  YULIN_NONTAX_ACCOUNT: z.string().min(1).default("非税收入财政专户 佛山市财政局 4406009901"),
  // Cases: how often the API process sweeps time-driven effects (R8, R9, R11, R12, R18); 0 = off.
  YULIN_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  // Register: how often the ledger's sequencer integrates queued entries and signs a head.
  YULIN_LEDGER_BATCH_MS: z.coerce.number().int().min(10).max(10_000).default(200),
  YULIN_DEED_TAX_LOCAL_RATE_BP: z.coerce.number().int().min(300).max(500).default(300),
  // 登簿日志上报 (integrations/national/): the national platform's URL (unset: the simulator).
  YULIN_NATIONAL_URL: z.url().optional(),
  YULIN_NATIONAL_ACK_GRACE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(30),
  YULIN_NATIONAL_SIM_ACK_DROP_RATE: z.coerce.number().min(0).max(1).default(0),
  YULIN_NATIONAL_SIM_TIMEOUT_RATE: z.coerce.number().min(0).max(1).default(0),
  // 电子档案 (archive/): where archive packages are kept.
  YULIN_ARCHIVE_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = Readonly<{
  port: number;
  host: string;
  /** PostgreSQL URL, or undefined for the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo dataset on first start (default: on for the embedded database). */
  demo: boolean;
  piiKeyHex: string | undefined;
  sessionTtlHours: number;
  /** Failed logins of one username from one address before delays start (identity/login-throttle.ts). */
  loginMaxFailures: number;
  loginMaxDelaySeconds: number;
  loginAccountMaxDelaySeconds: number;
  /** Invalid bearer tokens per minute per address before the address is refused (checked first). */
  rateLimitBadTokenPerMinute: number;
  apiTokenTtlDays: number;
  allowedOrigins: readonly string[];
  outboundAllow: readonly string[];
  rateLimitIpPerMinute: number;
  rateLimitAccountPerMinute: number;
  rateLimitLoginPerMinute: number;
  bodyLimitBytes: number;
  cookieSecure: boolean;
  webDist: string;
  logLevel: string;
  /** The register's SM2 seal key (signs tree heads); undefined = generated under `dataDir/keys/`. */
  sealPrivateKeyHex: string | undefined;
  /** Department collaboration (integrations/, platform/outbox/). */
  integrations: IntegrationsConfig;
  /** Cases: seconds between sweeps of time-driven effects in the API process; 0 = off (cases/). */
  sweepIntervalSeconds: number;
  /** Register: milliseconds between the ledger sequencer's batches (register/ledger-sequencer.ts). */
  ledgerBatchMs: number;
  /** 登簿日志上报 (integrations/national/). */
  national: NationalConfig;
  /** 电子档案: the directory of archive packages (archive/). */
  archiveDir: string;
}>;

export type NationalConfig = Readonly<{
  /** The national platform's base URL; undefined = the simulator. */
  url: string | undefined;
  /** A delivered report unacknowledged this long is re-sent by the reconciliation. */
  ackGraceMinutes: number;
  /** The simulator's share of acknowledgements lost, and of deliveries timing out. */
  simulatorAckDropRate: number;
  simulatorTimeoutRate: number;
}>;

export type IntegrationsConfig = Readonly<{
  /** Connector base URLs; undefined = the simulator. */
  taxUrl: string | undefined;
  paymentUrl: string | undefined;
  housingUrl: string | undefined;
  elicenceUrl: string | undefined;
  /** SMS gateway (短信平台): one-time codes and notifications. Unset: the simulator. */
  smsUrl: string | undefined;
  /** Face verification (人脸核验) of the public-security service. Unset: the simulator. */
  faceUrl: string | undefined;
  /** 1+N utility companies with an HTTP interface (the others are simulated): URL and reply key. */
  utilities: Readonly<Record<string, { url: string; publicKey: string }>>;
  /** Base URL of this server as payers and departments reach it (payment pages, notify URLs). */
  publicUrl: string;
  signingKeyHex: string | undefined;
  worker: "embedded" | "off";
  outboxPollMs: number;
  outboxMaxAttempts: number;
  outboxBackoffBaseMs: number;
  outboxBackoffMaxMs: number;
  outboxLeaseSeconds: number;
  connectorTimeoutMs: number;
  callbackMaxSkewSeconds: number;
  treasuryAccount: string;
  nonTaxAccount: string;
  deedTaxLocalRateBp: number;
}>;

export class ConfigError extends Error {}

const listOf = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** `service=value,service=value` with services among the 1+N utilities and values passing `ok`. */
function servicePairs(ok: (value: string) => boolean, what: string) {
  return z.string().refine(
    (v) =>
      v.split(",").every((pair) => {
        const [name, ...rest] = pair.trim().split("=");
        return (UTILITY_SERVICES as readonly string[]).includes(name ?? "") && ok(rest.join("="));
      }),
    `must be service=${what} pairs (services: ${UTILITY_SERVICES.join(", ")})`,
  );
}

function pairsOf(value: string | undefined): Map<string, string> {
  return new Map(
    (value ?? "")
      .split(",")
      .filter((p) => p.trim() !== "")
      .map((p) => {
        const [name, ...rest] = p.trim().split("=");
        return [name!, rest.join("=")] as const;
      }),
  );
}

/** Every utility with a URL needs the company's key to check its replies. */
function utilityConnectors(urls: string | undefined, keys: string | undefined) {
  const keyOf = pairsOf(keys);
  const out: Record<string, { url: string; publicKey: string }> = {};
  for (const [service, url] of pairsOf(urls)) {
    const publicKey = keyOf.get(service);
    if (!publicKey)
      throw new ConfigError(`Invalid configuration (配置错误): YULIN_UTILITY_KEYS has no key for ${service}`);
    out[service] = { url, publicKey: publicKey.toLowerCase() };
  }
  return Object.freeze(out);
}

/** Parses the environment once; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (配置错误):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const repoRoot = path.resolve(import.meta.dirname, "../../../..");
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.YULIN_DATA_DIR),
    demo: e.YULIN_DEMO ?? e.DATABASE_URL === undefined,
    piiKeyHex: e.YULIN_PII_KEY,
    sessionTtlHours: e.YULIN_SESSION_TTL_HOURS,
    loginMaxFailures: e.YULIN_LOGIN_MAX_FAILURES,
    loginMaxDelaySeconds: e.YULIN_LOGIN_MAX_DELAY_SECONDS,
    loginAccountMaxDelaySeconds: e.YULIN_LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
    rateLimitBadTokenPerMinute: e.YULIN_RATE_LIMIT_BAD_TOKEN_PER_MINUTE,
    apiTokenTtlDays: e.YULIN_API_TOKEN_TTL_DAYS,
    allowedOrigins: listOf(e.YULIN_ALLOWED_ORIGINS),
    outboundAllow: listOf(e.YULIN_OUTBOUND_ALLOW),
    rateLimitIpPerMinute: e.YULIN_RATE_LIMIT_IP_PER_MINUTE,
    rateLimitAccountPerMinute: e.YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE,
    rateLimitLoginPerMinute: e.YULIN_RATE_LIMIT_LOGIN_PER_MINUTE,
    bodyLimitBytes: e.YULIN_BODY_LIMIT_BYTES,
    cookieSecure: e.YULIN_COOKIE_SECURE,
    webDist: path.resolve(e.YULIN_WEB_DIST ?? path.join(repoRoot, "packages/web/dist")),
    logLevel: e.LOG_LEVEL,
    sealPrivateKeyHex: e.YULIN_SEAL_PRIVATE_KEY?.toLowerCase(),
    sweepIntervalSeconds: e.YULIN_SWEEP_INTERVAL_SECONDS,
    ledgerBatchMs: e.YULIN_LEDGER_BATCH_MS,
    national: Object.freeze({
      url: e.YULIN_NATIONAL_URL,
      ackGraceMinutes: e.YULIN_NATIONAL_ACK_GRACE_MINUTES,
      simulatorAckDropRate: e.YULIN_NATIONAL_SIM_ACK_DROP_RATE,
      simulatorTimeoutRate: e.YULIN_NATIONAL_SIM_TIMEOUT_RATE,
    }),
    archiveDir: path.resolve(e.YULIN_ARCHIVE_DIR ?? path.join(e.YULIN_DATA_DIR, "archive")),
    integrations: Object.freeze({
      taxUrl: e.YULIN_TAX_URL,
      paymentUrl: e.YULIN_PAYMENT_URL,
      housingUrl: e.YULIN_HOUSING_URL,
      elicenceUrl: e.YULIN_ELICENCE_URL,
      smsUrl: e.YULIN_SMS_URL,
      faceUrl: e.YULIN_FACE_URL,
      utilities: utilityConnectors(e.YULIN_UTILITY_URLS, e.YULIN_UTILITY_KEYS),
      publicUrl: (e.YULIN_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
      signingKeyHex: e.YULIN_SIGNING_KEY?.toLowerCase(),
      worker: e.YULIN_WORKER,
      outboxPollMs: e.YULIN_OUTBOX_POLL_MS,
      outboxMaxAttempts: e.YULIN_OUTBOX_MAX_ATTEMPTS,
      outboxBackoffBaseMs: e.YULIN_OUTBOX_BACKOFF_BASE_MS,
      outboxBackoffMaxMs: e.YULIN_OUTBOX_BACKOFF_MAX_MS,
      outboxLeaseSeconds: e.YULIN_OUTBOX_LEASE_SECONDS,
      connectorTimeoutMs: e.YULIN_CONNECTOR_TIMEOUT_MS,
      callbackMaxSkewSeconds: e.YULIN_CALLBACK_MAX_SKEW_SECONDS,
      treasuryAccount: e.YULIN_TREASURY_ACCOUNT,
      nonTaxAccount: e.YULIN_NONTAX_ACCOUNT,
      deedTaxLocalRateBp: e.YULIN_DEED_TAX_LOCAL_RATE_BP,
    }),
  });
}
