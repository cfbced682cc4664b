/**
 * The query seal (查询专用章) of a certified query result (查询结果证明): the same electronic seal
 * as certificates (certificate.seal.ts: SM2 with SM3, user id 1234567812345678, the message and the
 * signature as PDF comment lines after the body), over a message that carries the result.
 */

import { SM2_USER_ID, splitSealedPdf, verifySealSignature } from "../certificates/certificate.seal";
import { canonicalJson } from "../ledger/canonical-json";
import { sm3Hex } from "../ledger/sm-crypto";
import type { QueryAnswer } from "./query-answer";
import type { QuerentKind, QueryPurpose, QueryScope } from "./query-rules";

export const QUERY_SEAL_FORMAT = "yulin-query-seal/1";

/** What a certified result states: who asked, why, what, when, and the answer as disclosed. */
export type QueryResultData = {
  /** 查询编号. */
  number: string;
  office: { code: string; name: string };
  querent: { kind: QuerentKind; name: string };
  purpose: QueryPurpose;
  scope: QueryScope;
  subject: string;
  answeredAt: string;
  /** The unit's register version (query-answer.ts `unitVersion`) when answered. */
  registerVersion: number;
  answers: QueryAnswer[];
};

export type QuerySealMessage = {
  format: typeof QUERY_SEAL_FORMAT;
  alg: "SM2-with-SM3";
  uid: typeof SM2_USER_ID;
  publicKey: string;
  result: QueryResultData;
  dataSm3: string;
  pdfSm3: string;
  signedAt: string;
};

export const queryResultSm3 = (data: QueryResultData): string => sm3Hex(canonicalJson(data));

/** The exact text the query seal signs. */
export function querySealMessageText(input: {
  result: QueryResultData;
  pdfSm3: string;
  publicKeyHex: string;
  signedAt: string;
}): { message: QuerySealMessage; text: string } {
  const message: QuerySealMessage = {
    format: QUERY_SEAL_FORMAT,
    alg: "SM2-with-SM3",
    uid: SM2_USER_ID,
    publicKey: input.publicKeyHex.toLowerCase(),
    result: input.result,
    dataSm3: queryResultSm3(input.result),
    pdfSm3: input.pdfSm3,
    signedAt: input.signedAt,
  };
  return { message, text: canonicalJson(message) };
}

export type QuerySealVerification =
  | { ok: true; message: QuerySealMessage; signatureHex: string }
  | { ok: false; failure: "no-seal" | "malformed" | "digest-mismatch" | "unknown-key" | "bad-signature" };

/** Verifies a sealed query result PDF offline against the registry's published keys (hex). */
export function verifySealedQueryPdf(
  bytes: Uint8Array,
  trustedPublicKeys: readonly string[],
): QuerySealVerification {
  const parts = splitSealedPdf(bytes);
  if (!parts) return { ok: false, failure: "no-seal" };
  let message: QuerySealMessage;
  try {
    message = JSON.parse(parts.messageText) as QuerySealMessage;
  } catch {
    return { ok: false, failure: "malformed" };
  }
  if (message?.format !== QUERY_SEAL_FORMAT || canonicalJson(message) !== parts.messageText)
    return { ok: false, failure: "malformed" };
  if (sm3Hex(parts.body) !== message.pdfSm3 || queryResultSm3(message.result) !== message.dataSm3)
    return { ok: false, failure: "digest-mismatch" };
  if (!trustedPublicKeys.map((k) => k.toLowerCase()).includes(message.publicKey))
    return { ok: false, failure: "unknown-key" };
  if (!verifySealSignature(parts.messageText, parts.signatureHex, message.publicKey))
    return { ok: false, failure: "bad-signature" };
  return { ok: true, message, signatureHex: parts.signatureHex };
}
