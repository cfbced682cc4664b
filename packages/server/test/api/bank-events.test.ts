import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankMortgageCase } from "../cases/mortgage-case";
import { closeEnv, type Given, given, type Http, http } from "../cases/support";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 20: a bank that missed webhooks replays its collateral events with a cursor.
let env: TestEnv;
let api: Http;
let g: Given;
let token: string;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
  const cookie = await loginAs(env.app, "bank.gongshang");
  const issued = await env.app.inject({
    method: "POST",
    url: "/api/institution/tokens",
    headers: { cookie },
    payload: { name: "events", scopes: ["cases:read"] },
  });
  token = issued.json().token;
});
afterAll(async () => closeEnv(env));

const events = (after?: string, limit = 50) =>
  env.server.inject({
    url: `/api/v1/institution/events?limit=${limit}${after ? `&after=${after}` : ""}`,
    headers: { authorization: `Bearer ${token}` },
  });

describe("replay of a bank's events", () => {
  it("lists the mortgages registered for the bank in order, page by page with a cursor", async () => {
    const before = (await events()).json();
    const registered: string[] = [];
    for (let i = 0; i < 2; i++) {
      const flat = await g.flat({ holders: ["citizen.zhang"] });
      const id = await bankMortgageCase(api, flat.unitCode);
      expect((await api.post("bank.gongshang", `/api/cases/${id}/submit`)).status).toBe(200);
      registered.push(flat.unitCode);
    }
    const first = await events(before.nextCursor ?? undefined, 1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().events).toHaveLength(1);
    expect(first.json().hasMore).toBe(true);
    const second = (await events(first.json().nextCursor, 1)).json();
    const seen = [first.json().events[0], second.events[0]];
    expect(seen.map((e) => e.data.unitCode)).toEqual(registered);
    expect(seen.every((e) => e.data.event === "mortgage-registered")).toBe(true);
    const after = (await events(second.nextCursor)).json();
    expect(after.events).toEqual([]);
    expect(after.nextCursor).toBe(second.nextCursor);
  });

  it("shows an institution only its own events, and refuses a forged cursor", async () => {
    expect((await events()).json().events.length).toBeGreaterThan(0);
    // Another bank has none of them; an institution that is not a bank has no events at all.
    const other = await api.get("bank.jianshe", "/api/institution/events");
    expect(other.status).toBe(200);
    expect(other.body.events).toEqual([]);
    const developer = await api.get("developer.yulin", "/api/institution/events");
    expect([developer.status, developer.body.code]).toEqual([404, "AUTH.FORBIDDEN"]);
    const forged = await events("not-a-cursor");
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe("REQUEST.INVALID");
  });
});
