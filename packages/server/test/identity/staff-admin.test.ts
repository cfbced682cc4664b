import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http } from "../cases/support";
import { DEMO_PASSWORD, startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let api: ReturnType<typeof http>;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
});
afterAll(() => env.close());

const ADMIN = "chancheng.admin";
const idOf = async (username: string) =>
  (
    await env.services.db
      .selectFrom("accounts")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow()
  ).id;
const rolesOf = async (username: string) =>
  (
    await env.services.db
      .selectFrom("staff_roles")
      .select(["role", "jurisdiction"])
      .where("account_id", "=", await idOf(username))
      .orderBy("role")
      .execute()
  ).map((r) => `${r.role}@${r.jurisdiction}`);
const login = (username: string, password = DEMO_PASSWORD) =>
  env.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("系统管理 · accounts of an office", () => {
  it("gives a clerk a role in the administrator's office, which opens that inbox", async () => {
    const clerk = await idOf("chancheng.dangan");
    const heldRoles = async () =>
      (await api.get("chancheng.dangan", "/api/auth/me")).body.account.roles.map(
        (r: { role: string }) => r.role,
      );
    expect(await heldRoles()).toEqual(["archivist"]);
    const res = await api.put(ADMIN, `/api/offices/440604/staff/${clerk}/roles`, {
      roles: ["archivist", "acceptor"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.roles).toEqual(["acceptor", "archivist"]);
    expect(await rolesOf("chancheng.dangan")).toEqual(["acceptor@440604", "archivist@440604"]);
    // The same session: the workbench's 受理 inbox (its menu follows the roles) opens at once.
    expect((await heldRoles()).sort()).toEqual(["acceptor", "archivist"]);
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "details"])
      .where("action", "=", "office.staff.roles")
      .execute();
    expect(audit).toEqual([
      {
        action: "office.staff.roles",
        outcome: "success",
        details: { before: ["archivist"], after: ["acceptor", "archivist"] },
      },
    ]);
  });

  it("refuses another office's administrator, a clerk, and a role outside the catalogue; nothing changes", async () => {
    const clerk = await idOf("chancheng.dangan");
    const before = await rolesOf("chancheng.dangan");
    const other = await api.put("nanhai.admin", `/api/offices/440604/staff/${clerk}/roles`, {
      roles: ["admin"],
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe("AUTH.FORBIDDEN");
    const self = await api.put("chancheng.shouli", `/api/offices/440604/staff/${clerk}/roles`, {
      roles: ["admin"],
    });
    expect(self.status).toBe(404);
    const bad = await api.put(ADMIN, `/api/offices/440604/staff/${clerk}/roles`, { roles: ["king"] });
    expect(bad.status).toBe(400);
    const citizen = await idOf("citizen.li");
    expect(
      (await api.put(ADMIN, `/api/offices/440604/staff/${citizen}/roles`, { roles: ["acceptor"] })).status,
    ).toBe(404);
    expect(await rolesOf("chancheng.dangan")).toEqual(before);
    const denied = await env.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("outcome", "=", "denied")
      .where("action", "=", "office.staff.roles")
      .execute();
    expect(denied.length).toBe(3);
  });

  it("locks (sessions end, no login), unlocks, and resets the password to a temporary one", async () => {
    const target = await idOf("chancheng.fazheng");
    expect((await api.get("chancheng.fazheng", "/api/auth/me")).status).toBe(200);
    expect((await api.post(ADMIN, `/api/offices/440604/staff/${target}/lock`)).status).toBe(204);
    expect((await api.get("chancheng.fazheng", "/api/auth/me")).status).toBe(401);
    const refused = await login("chancheng.fazheng");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("AUTH.DISABLED");
    expect((await api.post(ADMIN, `/api/offices/440604/staff/${target}/unlock`)).status).toBe(204);
    expect((await login("chancheng.fazheng")).statusCode).toBe(200);

    const reset = await api.post(ADMIN, `/api/offices/440604/staff/${target}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).toMatch(/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{14}$/);
    expect((await login("chancheng.fazheng")).statusCode).toBe(401);
    expect((await login("chancheng.fazheng", reset.body.temporaryPassword)).statusCode).toBe(200);

    const me = await idOf(ADMIN);
    const selfLock = await api.post(ADMIN, `/api/offices/440604/staff/${me}/lock`);
    expect(selfLock.status).toBe(409);
    expect(selfLock.body.code).toBe("ACCOUNT.SELF_CHANGE");
    const selfDemote = await api.put(ADMIN, `/api/offices/440604/staff/${me}/roles`, { roles: ["acceptor"] });
    expect(selfDemote.status).toBe(409);
    // A city supervisor is out of reach of one office's administrator.
    const city = await idOf("foshan.ducha");
    expect((await api.post(ADMIN, `/api/offices/440604/staff/${city}/lock`)).status).toBe(404);
    const actions = await env.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("outcome", "=", "success")
      .where("action", "in", ["office.staff.lock", "office.staff.unlock", "office.staff.reset-password"])
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "office.staff.lock",
      "office.staff.unlock",
      "office.staff.reset-password",
    ]);
  });
});
