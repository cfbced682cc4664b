import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "./support/test-services";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const newStaff = (username: string) => ({
  username,
  displayName: "新同事",
  password: "Strong-pass-2026",
  roles: ["acceptor"],
});

describe("jurisdiction scoping (属地管理)", () => {
  it("lets an office administrator list and add staff of its own county", async () => {
    const cookie = await loginAs(env.app, "chancheng.admin");
    const list = await env.app.inject({ url: "/api/offices/440604/staff", headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().staff.map((s: { username: string }) => s.username)).toContain("chancheng.shouli");
    const add = await env.app.inject({
      method: "POST",
      url: "/api/offices/440604/staff",
      headers: { cookie },
      payload: newStaff("chancheng.xin"),
    });
    expect(add.statusCode).toBe(201);
    expect(add.json().account.roles).toEqual([
      { role: "acceptor", jurisdiction: "440604", jurisdictionName: "佛山市禅城区不动产登记中心" },
    ]);
  });

  it("refuses a staff member of one county acting on another county's office, as if it did not exist", async () => {
    const cookie = await loginAs(env.app, "chancheng.admin");
    const list = await env.app.inject({ url: "/api/offices/231202/staff", headers: { cookie } });
    const add = await env.app.inject({
      method: "POST",
      url: "/api/offices/231202/staff",
      headers: { cookie },
      payload: newStaff("intruder.one"),
    });
    for (const res of [list, add]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "AUTH.FORBIDDEN" });
    }
    const created = await env.services.db
      .selectFrom("accounts")
      .select("id")
      .where("username", "=", "intruder.one")
      .executeTakeFirst();
    expect(created).toBeUndefined();
    const denials = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "jurisdiction"])
      .where("outcome", "=", "denied")
      .where("target_id", "=", "231202")
      .execute();
    expect(denials).toEqual(
      expect.arrayContaining([
        { action: "office.read-staff", jurisdiction: "231202" },
        { action: "office.manage-staff", jurisdiction: "231202" },
      ]),
    );
  });

  it("refuses the same county's non-admin staff and a sibling county's admin", async () => {
    const clerk = await loginAs(env.app, "chancheng.shouli");
    const sibling = await loginAs(env.app, "nanhai.admin");
    for (const cookie of [clerk, sibling]) {
      const res = await env.app.inject({
        method: "POST",
        url: "/api/offices/440604/staff",
        headers: { cookie },
        payload: newStaff(`x${cookie.length}.nobody`),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it("lets a city supervisor see staff of every county in its city and no other", async () => {
    const cookie = await loginAs(env.app, "foshan.ducha");
    expect((await env.app.inject({ url: "/api/offices/440606/staff", headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await env.app.inject({ url: "/api/offices/231282/staff", headers: { cookie } })).statusCode).toBe(
      404,
    );
  });

  it("reveals full personal numbers to the holder with a purpose, audited, and to nobody else", async () => {
    const zhang = await loginAs(env.app, "citizen.zhang");
    const me = (await env.app.inject({ url: "/api/auth/me", headers: { cookie: zhang } })).json().account;
    const own = await env.app.inject({
      method: "POST",
      url: `/api/accounts/${me.id}/personal-data`,
      headers: { cookie: zhang },
      payload: { purpose: "核对本人信息" },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().idNumber).toMatch(/^440604\d{11}[\dX]$/);
    const li = await loginAs(env.app, "citizen.li");
    const other = await env.app.inject({
      method: "POST",
      url: `/api/accounts/${me.id}/personal-data`,
      headers: { cookie: li },
      payload: { purpose: "好奇" },
    });
    expect(other.statusCode).toBe(404);
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["outcome", "purpose"])
      .where("action", "=", "account.reveal-pii")
      .where("target_id", "=", me.id)
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { outcome: "success", purpose: "核对本人信息" },
      { outcome: "denied", purpose: "好奇" },
    ]);
  });
});
