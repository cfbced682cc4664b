import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundUrl, isAllowedAddress } from "../../src/platform/http/outbound-guard";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: a bank could set its notification endpoint to any URL, internal addresses included,
// and the server then POSTed there.
let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe("outbound endpoints", () => {
  it("refuses a bank's endpoint on internal addresses, other schemes or names resolving inside", async () => {
    const cookie = await loginAs(env.app, "bank.gongshang");
    const put = (endpointUrl: string) =>
      env.app.inject({
        method: "PUT",
        url: "/api/institution/connection",
        headers: { cookie },
        payload: { endpointUrl },
      });
    for (const url of [
      "http://127.0.0.1:8080/api/",
      "http://localhost/",
      "http://10.1.2.3/hook",
      "http://192.168.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
      "file:///etc/passwd",
      "gopher://example.com/",
      "https://user:pass@example.com/",
    ]) {
      const r = await put(url);
      expect(r.statusCode, url).toBe(400);
      expect(["INTEGRATION.ENDPOINT_NOT_ALLOWED", "REQUEST.INVALID"], url).toContain(r.json().code);
    }
    const stored = await env.app.inject({ url: "/api/institution/connection", headers: { cookie } });
    expect(stored.json().endpointUrl).toBeNull();
  });

  it("resolves the name and checks every address; the operator's allow-list opens a private one", async () => {
    const resolvesInside = async () => ["93.184.216.34", "10.0.0.8"];
    await expect(
      checkOutboundUrl("https://bank.example/hook", { allow: [] }, resolvesInside),
    ).rejects.toMatchObject({
      code: "INTEGRATION.ENDPOINT_NOT_ALLOWED",
    });
    await expect(
      checkOutboundUrl("https://bank.example/hook", { allow: [] }, async () => ["93.184.216.34"]),
    ).resolves.toBeUndefined();
    await expect(
      checkOutboundUrl("https://bank.example/hook", { allow: ["10.0.0.0/8"] }, resolvesInside),
    ).resolves.toBeUndefined();
    expect(isAllowedAddress("10.1.1.1", ["10.0.0.0/8"])).toBe(true);
    expect(isAllowedAddress("127.0.0.1", ["10.0.0.0/8"])).toBe(false);
    expect(isAllowedAddress("100.64.0.1", [])).toBe(false);
  });
});
