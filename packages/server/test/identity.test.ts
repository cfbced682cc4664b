import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "./support/test-services";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe("login and sessions", () => {
  it("logs in with a demo account and sets an HttpOnly session cookie", async () => {
    const res = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "chancheng.shouli", password: "Yulin-demo-2026" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "yulin_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().account).toMatchObject({
      username: "chancheng.shouli",
      kind: "staff",
      roles: [{ role: "acceptor", jurisdiction: "440604", jurisdictionName: "佛山市禅城区不动产登记中心" }],
    });
  });

  it("stores argon2id hashes, never the password", async () => {
    const row = await env.services.db
      .selectFrom("accounts")
      .select("password_hash")
      .where("username", "=", "citizen.li")
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("Yulin-demo-2026");
  });

  it("answers /api/auth/me with masked personal data, and 401 without a session", async () => {
    const cookie = await loginAs(env.app, "citizen.zhang");
    const me = await env.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account.idNumberMasked).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    expect(me.json().account.phoneMasked).toBe("138****1001");
    const anon = await env.app.inject({ url: "/api/auth/me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe("AUTH.UNAUTHENTICATED");
  });

  it("ends the session at logout", async () => {
    const cookie = await loginAs(env.app, "citizen.li");
    const out = await env.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await env.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const unknown = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody.here", password: "whatever-123" },
    });
    const wrong = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "citizen.chen", password: "whatever-123" },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toMatchObject({ code: "AUTH.INVALID_CREDENTIALS", message_zh: "用户名或密码错误" });
  });
});

describe("institution API tokens (bearer)", () => {
  it("lets a bank issue a token and call the API with it; a revoked token is refused", async () => {
    const cookie = await loginAs(env.app, "bank.gongshang");
    const issued = await env.app.inject({
      method: "POST",
      url: "/api/institution/tokens",
      headers: { cookie },
      payload: { name: "core-banking" },
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    const me = await env.app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ username: "bank.gongshang", institutionKind: "bank" });
    const stored = await env.services.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);

    const revoke = await env.app.inject({
      method: "DELETE",
      url: `/api/institution/tokens/${id}`,
      headers: { cookie },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await env.app.inject({
      url: "/api/auth/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("AUTH.INVALID_TOKEN");
  });

  it("does not let a citizen issue institution tokens", async () => {
    const cookie = await loginAs(env.app, "citizen.liu");
    const res = await env.app.inject({
      method: "POST",
      url: "/api/institution/tokens",
      headers: { cookie },
      payload: { name: "x" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("AUTH.FORBIDDEN");
  });
});
