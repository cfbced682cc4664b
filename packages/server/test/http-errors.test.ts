import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "./support/test-services";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_BODY_LIMIT_BYTES: "4096" }, { demo: true });
});
afterAll(() => env.close());

const expectErrorShape = (res: { statusCode: number; json: () => unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message_en", "message_zh"]);
  expect(body.code).toBe(code);
  expect(body.message_zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.message_en).toMatch(/[A-Za-z]/);
};

const login = (payload: string, contentType = "application/json") =>
  env.app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": contentType },
    payload,
  });

describe("bad input gets a 4xx with the error shape, never a 5xx", () => {
  it("malformed JSON", async () => {
    expectErrorShape(await login('{"username": "a", '), 400, "REQUEST.MALFORMED_JSON");
  });

  it("empty JSON body", async () => {
    expectErrorShape(await login(""), 400, "REQUEST.MALFORMED_JSON");
  });

  it("wrong types", async () => {
    const res = await login(JSON.stringify({ username: 42, password: ["x"] }));
    expectErrorShape(res, 400, "REQUEST.INVALID");
    expect((res.json() as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
  });

  it("unknown fields", async () => {
    const res = await login(
      JSON.stringify({ username: "citizen.zhang", password: "Yulin-demo-2026", admin: true }),
    );
    expectErrorShape(res, 400, "REQUEST.INVALID");
  });

  it("oversized bodies", async () => {
    const res = await login(JSON.stringify({ username: "a".repeat(10_000), password: "x" }));
    expectErrorShape(res, 413, "REQUEST.TOO_LARGE");
  });

  it("unsupported content types", async () => {
    expectErrorShape(
      await login("<username>a</username>", "application/xml"),
      415,
      "REQUEST.UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("unknown API routes", async () => {
    expectErrorShape(await env.app.inject({ url: "/api/no-such-thing" }), 404, "REQUEST.NOT_FOUND");
  });

  it("bad path and query parameters", async () => {
    const cookie = await loginAs(env.app, "chancheng.admin");
    expectErrorShape(
      await env.app.inject({ url: "/api/offices/12ab/staff", headers: { cookie } }),
      400,
      "REQUEST.INVALID",
    );
    expectErrorShape(
      await env.app.inject({ url: "/api/calendar/holidays?year=abc" }),
      400,
      "REQUEST.INVALID",
    );
    expectErrorShape(
      await env.app.inject({ url: "/api/calendar/deadline?from=2026-02-30&workingDays=3" }),
      400,
      "CALENDAR.INVALID_DATE",
    );
  });

  it("a garbage bearer token", async () => {
    expectErrorShape(
      await env.app.inject({ url: "/api/auth/me", headers: { authorization: "Bearer nonsense" } }),
      401,
      "AUTH.INVALID_TOKEN",
    );
  });

  it("any JSON value sent to the login and staff endpoints (property test)", async () => {
    const cookie = await loginAs(env.app, "chancheng.admin");
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, toStaff) => {
        const res = await env.app.inject({
          method: "POST",
          url: toStaff ? "/api/offices/440604/staff" : "/api/auth/login",
          headers: { "content-type": "application/json", cookie },
          payload: JSON.stringify(value),
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(Object.keys(res.json() as object).sort()).toEqual([
          "code",
          "details",
          "message_en",
          "message_zh",
        ]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("operations endpoints", () => {
  it("serves OpenAPI 3.1 with the documented routes and browsable docs", async () => {
    const res = await env.app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/login",
        "/api/auth/me",
        "/api/offices/{code}/staff",
        "/api/calendar/deadline",
      ]),
    );
    const docs = await env.app.inject({ url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("answers health, readiness and Prometheus metrics", async () => {
    expect((await env.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await env.app.inject({ url: "/readyz" })).statusCode).toBe(200);
    const metrics = await env.app.inject({ url: "/metrics" });
    expect(metrics.body).toContain("yulin_http_request_duration_seconds_bucket");
    expect(metrics.body).toContain("yulin_process_cpu_user_seconds_total");
  });

  it("echoes a caller's request id, or makes one", async () => {
    const given = await env.app.inject({ url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const made = await env.app.inject({ url: "/healthz" });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
