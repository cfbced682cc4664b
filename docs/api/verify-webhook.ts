// Verifies a webhook Yulin sent to your endpoint (docs/api/webhooks.md). Copy this file into your
// service; its only dependency is sm-crypto-v2 (npm install sm-crypto-v2).
//
// The signature is SM2 with SM3 and the standard user id 1234567812345678, DER-encoded, over the
// UTF-8 text `X-Yulin-Timestamp ‖ raw body` (the decimal timestamp immediately followed by the
// body exactly as received: verify before parsing the JSON). The public key is Yulin's
// `GET /api/v1/integrations/platform-key` → {algorithm: "SM2", userId, publicKey} (hex, 04…).
import { sm2 } from "sm-crypto-v2";

export type WebhookCheck = { ok: true; messageId: string } | { ok: false; reason: "signature" | "stale" };

export function verifyYulinWebhook(
  input: { rawBody: string; timestamp: string | undefined; signature: string | undefined },
  platformPublicKeyHex: string,
  now: Date = new Date(),
  maxSkewMs = 5 * 60 * 1000,
): WebhookCheck {
  const { rawBody, timestamp, signature } = input;
  if (!timestamp || !/^\d{10,16}$/.test(timestamp) || !signature || !/^[0-9a-f]+$/i.test(signature))
    return { ok: false, reason: "signature" };
  let valid = false;
  try {
    valid = sm2.doVerifySignature(timestamp + rawBody, signature, platformPublicKeyHex, {
      der: true,
      hash: true,
      userId: "1234567812345678",
    });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "signature" };
  // A replayed old message is refused; deduplicate fresh ones on messageId (a retry resends it).
  if (Math.abs(now.getTime() - Number(timestamp)) > maxSkewMs) return { ok: false, reason: "stale" };
  return { ok: true, messageId: (JSON.parse(rawBody) as { messageId: string }).messageId };
}
