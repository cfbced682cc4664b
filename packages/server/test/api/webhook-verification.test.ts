import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyYulinWebhook } from "../../../../docs/api/verify-webhook";
import { envelope, signBody } from "../../src/integrations/shared/signed-message";
import { startTestEnv, type TestEnv } from "../support/test-services";

// Issue 20: the verification code in docs/api/ checks a webhook signed as Yulin signs them, with
// the key Yulin publishes; the OpenSSL script does the same.
const repoRoot = path.resolve(import.meta.dirname, "../../../..");
let env: TestEnv;
let publicKey: string;
let privateKey: string;
beforeAll(async () => {
  env = await startTestEnv({}, { demo: false });
  const published = await env.server.inject({ url: "/api/v1/integrations/platform-key" });
  publicKey = published.json().publicKey;
  privateKey = fs.readFileSync(path.join(env.services.config.dataDir, "keys/sm2-signing.key"), "utf8").trim();
});
afterAll(() => env?.close());

function aWebhook(at = new Date()) {
  const body = JSON.stringify(
    envelope(
      "bank.collateral-event",
      "bank:INST-1:register:1042:mortgage-registered",
      {
        event: "mortgage-registered",
        eventId: "register:1042:mortgage-registered",
        occurredAt: at.toISOString(),
        caseRef: null,
        unitCode: "440604001002GB00001F00010006",
        jurisdiction: "440604",
        certificationNo: "粤（2026）佛山市不动产证明第0000042号",
        registerEntry: "1042",
        details: {},
      },
      at,
    ),
  );
  return { body, ...signBody(body, privateKey, at) };
}

describe("docs/api webhook verification", () => {
  it("accepts a webhook Yulin signed, and refuses an altered body, another key or an old one", () => {
    const hook = aWebhook();
    const input = { rawBody: hook.body, timestamp: hook.timestamp, signature: hook.signature };
    expect(verifyYulinWebhook(input, publicKey)).toEqual({
      ok: true,
      messageId: "bank:INST-1:register:1042:mortgage-registered",
    });
    const altered = { ...input, rawBody: hook.body.replace("0000042", "0000043") };
    expect(verifyYulinWebhook(altered, publicKey)).toEqual({ ok: false, reason: "signature" });
    const otherKey = `04${"1".repeat(128)}`;
    expect(verifyYulinWebhook(input, otherKey)).toEqual({ ok: false, reason: "signature" });
    const old = aWebhook(new Date(Date.now() - 3_600_000));
    expect(
      verifyYulinWebhook(
        { rawBody: old.body, timestamp: old.timestamp, signature: old.signature },
        publicKey,
      ),
    ).toEqual({ ok: false, reason: "stale" });
  });

  it("verifies with the OpenSSL script, and fails it on an altered body", () => {
    const hook = aWebhook();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-webhook-"));
    const file = path.join(dir, "body.json");
    const run = () =>
      spawnSync(
        "bash",
        [path.join(repoRoot, "docs/api/verify-webhook.sh"), publicKey, hook.timestamp, hook.signature, file],
        { encoding: "utf8" },
      );
    fs.writeFileSync(file, hook.body);
    const good = run();
    expect(good.stdout + good.stderr).toContain("Signature Verified Successfully");
    expect(good.status).toBe(0);
    fs.writeFileSync(file, hook.body.replace("0000042", "0000043"));
    expect(run().status).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
