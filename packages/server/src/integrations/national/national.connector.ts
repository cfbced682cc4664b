import { z } from "zod";
import type { SignedClient } from "../shared/http-client";
import { envelope } from "../shared/signed-message";
import { canonicalJson, sm3Hex } from "../shared/sm2";

/**
 * 登簿日志 (registration log) as reported to the national registration information platform
 * (国家不动产登记信息管理基础平台). The national access specification is not public; the message
 * follows its published ideas (one log per registered business, 业务号, 行政区代码, 不动产单元号,
 * 登记类型, 登簿时间, the register entries it appended, a digest) — docs/integrations.md.
 */
export const ZRegistrationLogContent = z.object({
  /** 报告编号: one per registered case, the same on every re-send. */
  reportId: z.string().regex(/^[\w.:-]{1,120}$/),
  /** 业务号 */
  bizNo: z.string().min(1).max(100),
  /** 行政区代码 (county) */
  areaCode: z.string().regex(/^\d{6}$/),
  /** 不动产单元号 */
  unitCode: z.string().min(19).max(28),
  /** 登记类型 (the catalogue's type id) */
  registrationType: z.string().min(1).max(80),
  /** 登簿时间 (ISO 8601) */
  registeredAt: z.string().min(20).max(40),
  /** The register entries this registration appended (ledger seqs; the certificates are in them). */
  entrySeqs: z.array(z.number().int().positive()),
});
export type RegistrationLogContent = z.infer<typeof ZRegistrationLogContent>;

/** The report: its content and the SM3 digest of the content's canonical JSON (报文摘要). */
export const ZRegistrationLog = ZRegistrationLogContent.extend({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RegistrationLog = z.infer<typeof ZRegistrationLog>;

export function sealLog(content: RegistrationLogContent): RegistrationLog {
  return { ...content, digest: sm3Hex(canonicalJson(content)) };
}

export function digestMatches(log: RegistrationLog): boolean {
  const { digest, ...content } = log;
  return sm3Hex(canonicalJson(content)) === digest;
}

/** 回执: the national platform acknowledges one report once. */
export const ZAcknowledgement = z.object({
  reportId: z.string().min(1).max(120),
  ackNo: z.string().min(1).max(64),
  ackedAt: z.string().min(20).max(40),
});
export type Acknowledgement = z.infer<typeof ZAcknowledgement>;

/** The answer to a report: received (受理), with the acknowledgement when it is ready at once. */
export const ZReportAnswer = z.object({
  reportId: z.string(),
  received: z.literal(true),
  ack: ZAcknowledgement.nullable().optional(),
});
export type ReportAnswer = z.infer<typeof ZReportAnswer>;

export type NationalConnector = {
  mode: "simulator" | "http";
  /** Safe to repeat: the platform keeps one report per reportId whatever the idempotency key. */
  report(log: RegistrationLog, key: string): Promise<ReportAnswer>;
  /** The acknowledgements the platform issued for reports of one day (UTC+8, YYYY-MM-DD). */
  acknowledgements(day: string): Promise<Acknowledgement[]>;
};

/** HTTP: POST {base}/registration-logs (signed envelope), GET {base}/acknowledgements?day=…. */
export function createHttpNationalConnector(client: SignedClient, now: () => Date): NationalConnector {
  return {
    mode: "http",
    async report(log, key) {
      return ZReportAnswer.parse(
        await client.post("registration-logs", envelope("national.registration-log", key, log, now()), key),
      );
    },
    async acknowledgements(day) {
      const answer = z
        .object({ acks: z.array(ZAcknowledgement) })
        .parse(await client.get(`acknowledgements?day=${encodeURIComponent(day)}`));
      return answer.acks;
    },
  };
}
