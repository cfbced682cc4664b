import crypto from "node:crypto";
import { sm2Sign, sm2Verify } from "./sm2";

/**
 * The signed JSON both directions speak (docs/integrations.md):
 *   headers  X-Yulin-Timestamp: <ms since epoch>   X-Yulin-Signature: <hex DER SM2>
 *            Idempotency-Key: <message id>          (outbound)
 *   body     {"messageId", "nonce", "type", "sentAt", "data": {...}}
 *   signed   timestamp ‖ raw body (UTF-8), SM2 with SM3 and user id 1234567812345678.
 * The nonce is inside the signed body, so a replay cannot change it.
 */
export type Envelope<T = unknown> = {
  messageId: string;
  nonce: string;
  type: string;
  sentAt: string;
  data: T;
};

export const HEADER_TIMESTAMP = "x-yulin-timestamp";
export const HEADER_SIGNATURE = "x-yulin-signature";
export const HEADER_IDEMPOTENCY = "idempotency-key";

export function envelope<T>(type: string, messageId: string, data: T, now: Date): Envelope<T> {
  return { messageId, nonce: crypto.randomBytes(16).toString("hex"), type, sentAt: now.toISOString(), data };
}

export function signBody(rawBody: string, privateKeyHex: string, now: Date) {
  const timestamp = String(now.getTime());
  return { timestamp, signature: sm2Sign(timestamp + rawBody, privateKeyHex) };
}

export type VerifyFailure = "signature" | "stale";

/** Checks the signature over timestamp ‖ body and that the timestamp is within `maxSkewMs` of now. */
export function verifyBody(
  input: { rawBody: string; timestamp: string | undefined; signature: string | undefined },
  publicKeyHex: string,
  now: Date,
  maxSkewMs: number,
  verify: (message: string, signatureHex: string, publicKeyHex: string) => boolean = sm2Verify,
): VerifyFailure | null {
  if (!input.timestamp || !/^\d{10,16}$/.test(input.timestamp) || !input.signature) return "signature";
  if (!verify(input.timestamp + input.rawBody, input.signature, publicKeyHex)) return "signature";
  if (Math.abs(now.getTime() - Number(input.timestamp)) > maxSkewMs) return "stale";
  return null;
}
