import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: API tokens never expired, had no scope, could mint further tokens, and invalid tokens
// were never rate-limited.
let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_RATE_LIMIT_BAD_TOKEN_PER_MINUTE: "5" });
  cookie = await loginAs(env.app, "bank.gongshang");
});
afterAll(() => env.close());

const issue = async (payload: object) => {
  const r = await env.app.inject({
    method: "POST",
    url: "/api/institution/tokens",
    headers: { cookie },
    payload,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; token: string; scopes: string[]; expires_at: string };
};
const asToken = (token: string, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
  env.server.inject({
    method,
    url,
    remoteAddress: "203.0.113.1",
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

describe("API tokens", () => {
  it("cannot mint, list, rotate or revoke tokens, whatever their scopes", async () => {
    const t = await issue({
      name: "all",
      scopes: ["cases:read", "cases:write", "integrations", "personal-data"],
    });
    for (const [method, url] of [
      ["POST", "/api/institution/tokens"],
      ["GET", "/api/institution/tokens"],
      ["POST", `/api/institution/tokens/${t.id}/rotate`],
      ["DELETE", `/api/institution/tokens/${t.id}`],
    ] as const) {
      const r = await asToken(t.token, method, url, method === "POST" ? { name: "minted" } : undefined);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().code).toBe("AUTH.TOKEN_SCOPE");
    }
    const rows = await env.services.db.selectFrom("api_tokens").select("name").execute();
    expect(rows.map((r) => r.name)).not.toContain("minted");
  });

  it("holds a token to its scopes", async () => {
    const readOnly = await issue({ name: "read", scopes: ["cases:read"] });
    expect(readOnly.scopes).toEqual(["cases:read"]);
    expect((await asToken(readOnly.token, "GET", "/api/cases")).statusCode).toBe(200);
    const write = await asToken(readOnly.token, "POST", "/api/cases", {});
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe("AUTH.TOKEN_SCOPE");
    expect(
      (await asToken(readOnly.token, "GET", "/api/register/units/440604001002GB00001F00010006")).statusCode,
    ).toBe(403);
  });

  it("expires: a token past its expiry is refused", async () => {
    const t = await issue({ name: "short", expiresInDays: 1 });
    expect(new Date(t.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(86_400_000 + 5000);
    expect((await asToken(t.token, "GET", "/api/auth/me")).statusCode).toBe(200);
    await env.services.db
      .updateTable("api_tokens")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where("id", "=", t.id)
      .execute();
    const r = await asToken(t.token, "GET", "/api/auth/me");
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("AUTH.INVALID_TOKEN");
  });

  it("rotates: a successor with the same scopes now, the old token ends within a day, once", async () => {
    const old = await issue({ name: "rotating", scopes: ["cases:read"] });
    const rotated = await env.app.inject({
      method: "POST",
      url: `/api/institution/tokens/${old.id}/rotate`,
      headers: { cookie },
    });
    expect(rotated.statusCode, rotated.body).toBe(201);
    const next = rotated.json();
    expect(next.scopes).toEqual(["cases:read"]);
    expect(next.token).not.toBe(old.token);
    expect((await asToken(next.token, "GET", "/api/auth/me")).statusCode).toBe(200);
    const list = await env.app.inject({ url: "/api/institution/tokens", headers: { cookie } });
    const oldRow = list.json().tokens.find((t: { id: string }) => t.id === old.id);
    expect(oldRow.replaced_by).toBe(next.id);
    expect(new Date(oldRow.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const again = await env.app.inject({
      method: "POST",
      url: `/api/institution/tokens/${old.id}/rotate`,
      headers: { cookie },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("AUTH.TOKEN_NOT_LIVE");
  });

  it("rate-limits invalid tokens per address before looking them up", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await env.server.inject({
        url: "/api/auth/me",
        remoteAddress: "198.51.100.77",
        headers: { authorization: `Bearer guess-${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Even a valid token from that address waits: the limit comes before authentication.
    const t = await issue({ name: "valid" });
    const r = await env.server.inject({
      url: "/api/auth/me",
      remoteAddress: "198.51.100.77",
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe("RATE_LIMITED");
    // Another address is not affected.
    expect((await asToken(t.token, "GET", "/api/auth/me")).statusCode).toBe(200);
  });
});
