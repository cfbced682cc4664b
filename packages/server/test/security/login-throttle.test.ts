import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: five wrong passwords locked any account for 15 minutes (an attacker could lock out the
// registry's staff), and an unknown username never locked (so it told which usernames exist).
// Now: growing delays per address, per username at an address and (short) per username; the
// owner is never locked out, and a known and an unknown username answer alike.
let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_LOGIN_MAX_FAILURES: "3", YULIN_RATE_LIMIT_LOGIN_PER_MINUTE: "1000" });
});
afterAll(() => env.close());

const login = (username: string, password: string, ip = "203.0.113.7") =>
  env.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: ip,
    payload: { username, password },
  });

/** Moves every recorded failure back in time, as if `seconds` had passed. */
const passTime = (seconds: number) =>
  env.services.db
    .updateTable("login_throttles")
    .set({ last_failed_at: sql`last_failed_at - make_interval(secs => ${seconds})` })
    .execute();

describe("login throttling", () => {
  it("slows an attacker down with growing delays, never locks the owner out", async () => {
    const answers: Array<{ status: number; code: string }> = [];
    for (let i = 0; i < 5; i++) {
      const r = await login("chancheng.admin", `wrong-${i}`);
      answers.push({ status: r.statusCode, code: r.json().code });
    }
    // Three free failures, the fourth sets a delay of 1 s, the fifth comes within it.
    expect(answers.slice(0, 4).every((a) => a.code === "AUTH.INVALID_CREDENTIALS")).toBe(true);
    expect(answers[4]).toEqual({ status: 429, code: "AUTH.LOGIN_THROTTLED" });
    // Even the right password waits out the delay from the attacker's address...
    const throttled = await login("chancheng.admin", DEMO_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().details.retryAfterSeconds).toBeGreaterThan(0);
    // ...but the owner at their own desk logs in at once: no lock-out.
    const owner = await login("chancheng.admin", DEMO_PASSWORD, "198.51.100.20");
    expect(owner.statusCode).toBe(200);

    // The delays double: after the 1 s wait one more failure asks 2 s, then 4 s.
    await passTime(2);
    expect((await login("chancheng.admin", "wrong-5")).statusCode).toBe(401);
    const after5 = await login("chancheng.admin", "wrong-6");
    expect(after5.statusCode).toBe(429);
    expect(after5.json().details.retryAfterSeconds).toBe(2);
  });

  it("answers an unknown username exactly as a known one, throttled alike", async () => {
    const run = async (username: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await login(username, `wrong-${i}`, ip);
        out.push({ status: r.statusCode, body: r.json() });
      }
      return out;
    };
    const known = await run("citizen.chen", "203.0.113.50");
    const unknown = await run("no.such.user", "203.0.113.51");
    expect(unknown).toEqual(known);
  });

  it("throttles an address that sprays many usernames", async () => {
    const ip = "203.0.113.99";
    const codes: string[] = [];
    // freeFailures × 4 = 12 failures from one address before its delays start.
    for (let i = 0; i < 14; i++) codes.push((await login(`spray.${i}`, "Password-123", ip)).json().code);
    expect(codes.slice(0, 13).every((c) => c === "AUTH.INVALID_CREDENTIALS")).toBe(true);
    expect(codes[13]).toBe("AUTH.LOGIN_THROTTLED");
    // A different address is unaffected.
    expect((await login("citizen.zhang", DEMO_PASSWORD, "198.51.100.21")).statusCode).toBe(200);
  });

  it("caps the delay across addresses for a username, so the owner waits seconds at most", async () => {
    // 12 failures from 12 addresses (none of them throttled on its own), then more.
    for (let i = 0; i < 20; i++) await login("citizen.liu", "wrong", `192.0.2.${i + 1}`);
    const owner = await login("citizen.liu", DEMO_PASSWORD, "198.51.100.30");
    expect(owner.statusCode).toBe(429);
    expect(owner.json().details.retryAfterSeconds).toBeLessThanOrEqual(30);
    await passTime(31);
    expect((await login("citizen.liu", DEMO_PASSWORD, "198.51.100.30")).statusCode).toBe(200);
  });

  it("audits each throttled attempt", async () => {
    const rows = await env.services.db
      .selectFrom("audit_log")
      .select(["outcome", "details"])
      .where("action", "=", "auth.login")
      .where("outcome", "=", "denied")
      .execute();
    expect(rows.some((r) => (r.details as { reason?: string } | null)?.reason === "throttled")).toBe(true);
  });
});
