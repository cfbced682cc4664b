import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "./support/test-services";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({
    YULIN_RATE_LIMIT_LOGIN_PER_MINUTE: "3",
    YULIN_RATE_LIMIT_IP_PER_MINUTE: "15",
    YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "8",
  });
});
afterAll(() => env.close());

describe("rate limits", () => {
  it("limits login attempts per IP with a 429 in the error shape", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await env.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "10.0.0.7",
        payload: { username: "citizen.chen", password: `wrong-${i}-xx` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json()).toMatchObject({
          code: "RATE_LIMITED",
          message_zh: expect.stringContaining("频繁"),
        });
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("limits a logged-in account independently of the IP it comes from", async () => {
    const cookie = await loginAs(env.app, "citizen.zhang");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await env.app.inject({
        url: "/api/auth/me",
        headers: { cookie },
        remoteAddress: `10.1.0.${i}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
  });

  it("limits anonymous callers per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 17; i++) {
      statuses.push((await env.app.inject({ url: "/api/offices", remoteAddress: "10.2.0.1" })).statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await env.app.inject({ url: "/api/offices", remoteAddress: "10.2.0.2" })).statusCode).toBe(200);
  });
});
