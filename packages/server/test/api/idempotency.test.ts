import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 20: a bank that retries after a timeout gets the first answer, not a second case.
let env: TestEnv;
let token: string;
beforeAll(async () => {
  env = await startTestEnv();
  const cookie = await loginAs(env.app, "bank.gongshang");
  const issued = await env.app.inject({
    method: "POST",
    url: "/api/institution/tokens",
    headers: { cookie },
    payload: { name: "direct", scopes: ["cases:read", "cases:write"] },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  token = issued.json().token;
});
afterAll(() => env.close());

const mortgage = (documentNo: string) => ({
  typeId: "mortgage.first.general",
  unitCode: "440604001002GB00001F00010006",
  parts: [
    {
      details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo },
      parties: [
        { role: "right-holder", account: "bank.gongshang" },
        { role: "obligor", account: "citizen.zhang" },
      ],
    },
  ],
});
const apply = (key: string | undefined, body: object, url = "/api/v1/cases") =>
  env.server.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${token}`, ...(key ? { "idempotency-key": key } : {}) },
    payload: body,
  });
const casesWith = async (documentNo: string) => {
  const rows = await env.services.db
    .selectFrom("case_parts")
    .select("case_id")
    .where(sql<boolean>`details::text like ${`%${documentNo}%`}`)
    .execute();
  return new Set(rows.map((r) => r.case_id)).size;
};

describe("Idempotency-Key", () => {
  it("answers a retry storm (the same request 50 times at once) with one case and one answer", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => apply("storm-1", mortgage("IDEM-STORM"))),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(
      statuses.every((s) => s === 201),
      statuses.join(","),
    ).toBe(true);
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(49);
    expect(await casesWith("IDEM-STORM")).toBe(1);
  }, 60_000);

  it("refuses the same key with another body: 409 IDEMPOTENCY.KEY_REUSED, and nothing is created", async () => {
    expect((await apply("conflict-1", mortgage("IDEM-A"))).statusCode).toBe(201);
    const other = await apply("conflict-1", mortgage("IDEM-B"));
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({
      code: "IDEMPOTENCY.KEY_REUSED",
      message_zh: expect.stringContaining("幂等键"),
    });
    expect(await casesWith("IDEM-B")).toBe(0);
  });

  it("replays an error answer too, and refuses a malformed key", async () => {
    const bad = { ...mortgage("IDEM-BAD"), unitCode: "440604001002GB00001F99999999" };
    const first = await apply("bad-1", bad);
    expect(first.statusCode).toBeGreaterThanOrEqual(400);
    const again = await apply("bad-1", bad);
    expect([again.statusCode, again.body]).toEqual([first.statusCode, first.body]);
    expect((await apply("bad key with spaces", mortgage("IDEM-X"))).json().code).toBe(
      "IDEMPOTENCY.INVALID_KEY",
    );
  });

  it("forgets a key after 24 hours: the same key then does the work again", async () => {
    const first = await apply("expiring-1", mortgage("IDEM-EXP"));
    expect(first.statusCode).toBe(201);
    await env.services.db
      .updateTable("idempotency_keys")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("key", "=", "expiring-1")
      .execute();
    const later = await apply("expiring-1", mortgage("IDEM-EXP"));
    expect(later.statusCode).toBe(201);
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);
    expect(await casesWith("IDEM-EXP")).toBe(2);
  });

  it("keeps keys per caller: another account's same key is its own", async () => {
    const cookie = await loginAs(env.app, "citizen.zhang");
    const r = await env.app.inject({
      method: "POST",
      url: "/api/cases/x/confirm",
      headers: { cookie, "idempotency-key": "storm-1" },
    });
    expect(r.json().code).not.toMatch(/^IDEMPOTENCY/);
  });
});

describe("headers on every answer", () => {
  it("carries RateLimit-Limit/Remaining/Reset, on success, error and not-found alike", async () => {
    for (const url of ["/api/offices", "/api/cases", "/api/no-such-thing", "/api/v1/offices"]) {
      const r = await env.server.inject({ url, remoteAddress: "10.9.0.1" });
      expect(r.headers["ratelimit-limit"], url).toMatch(/^\d+$/);
      expect(r.headers["ratelimit-remaining"], url).toMatch(/^\d+$/);
      expect(r.headers["ratelimit-reset"], url).toMatch(/^\d+$/);
    }
  });

  it("serves /api/v1 as /api, and tells token callers of unversioned paths of the sunset", async () => {
    const v1 = await env.server.inject({
      url: "/api/v1/cases",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(v1.statusCode).toBe(200);
    expect(v1.headers["yulin-api-version"]).toBe("1");
    expect(v1.headers.deprecation).toBeUndefined();
    const old = await env.server.inject({ url: "/api/cases", headers: { authorization: `Bearer ${token}` } });
    expect(old.statusCode).toBe(200);
    expect(old.headers.deprecation).toMatch(/^@\d+$/);
    expect(new Date(String(old.headers.sunset)).getTime()).toBeGreaterThan(Date.now());
  });
});
