import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { sm2Sign } from "../../../src/integrations/shared/sm2";
import { loginAs } from "../../support/test-services";

/** Issues an API token for a demo institution and registers its SM2 public key. */
export async function connectInstitution(
  app: FastifyInstance,
  username: string,
  publicKey: string,
): Promise<string> {
  const cookie = await loginAs(app, username);
  const issued = await app.inject({
    method: "POST",
    url: "/api/institution/tokens",
    headers: { cookie },
    // Department callbacks need the integrations scope (docs/security.md).
    payload: { name: "callbacks", scopes: ["integrations"] },
  });
  if (issued.statusCode !== 201) throw new Error(`token: ${issued.body}`);
  const put = await app.inject({
    method: "PUT",
    url: "/api/institution/connection",
    headers: { cookie },
    payload: { publicKey },
  });
  if (put.statusCode !== 200) throw new Error(`key: ${put.body}`);
  return issued.json().token as string;
}

export type SignedRequest = { body: string; headers: Record<string, string> };

/** A department's callback, signed as docs/integrations.md says. */
export function signedCallback(
  privateKey: string,
  token: string,
  message: { messageId: string; type: string; data: unknown; nonce?: string },
  at = new Date(),
): SignedRequest {
  const body = JSON.stringify({
    messageId: message.messageId,
    nonce: message.nonce ?? crypto.randomBytes(16).toString("hex"),
    type: message.type,
    sentAt: at.toISOString(),
    data: message.data,
  });
  const timestamp = String(at.getTime());
  return {
    body,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-yulin-timestamp": timestamp,
      "x-yulin-signature": sm2Sign(timestamp + body, privateKey),
    },
  };
}

/** SubjectPublicKeyInfo (id-ecPublicKey, SM2 curve) around an uncompressed SM2 key, as PEM. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([
    Buffer.from("3059301306072a8648ce3d020106082a811ccf5501822d034200", "hex"),
    Buffer.from(publicKeyHex, "hex"),
  ]);
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
}

/** `openssl pkeyutl -verify` with SM3 and the standard user id (ARCHITECTURE.md "crypto"). */
export function opensslVerifies(message: string, signatureHex: string, publicKeyHex: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-sm2-"));
  try {
    fs.writeFileSync(path.join(dir, "key.pem"), sm2PublicKeyPem(publicKeyHex));
    fs.writeFileSync(path.join(dir, "msg"), message);
    fs.writeFileSync(path.join(dir, "sig"), Buffer.from(signatureHex, "hex"));
    execFileSync(
      "openssl",
      [
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "key.pem",
        "-rawin",
        "-digest",
        "sm3",
        "-pkeyopt",
        "distid:1234567812345678",
        "-in",
        "msg",
        "-sigfile",
        "sig",
      ],
      { cwd: dir, stdio: "pipe" },
    );
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
