/**
 * The callers the fuzz suite and the authorisation matrix act as, and the resources their path
 * parameters name. Everything belongs to the Chancheng office (440604) and to citizen.zhang unless
 * its name says "other": the matrix asks both the owning tenant and another one.
 */
import { sql } from "kysely";
import { systemContext } from "../../src/platform/audit/audit";
import { given } from "../cases/support";
import { DEMO_PASSWORD, type TestEnv } from "../support/test-services";

export type Caller = { role: string; username: string | null; bearer?: boolean };

/** Every role of the platform, plus the other tenant of each kind. */
export const CALLERS: Caller[] = [
  { role: "anonymous", username: null },
  { role: "citizen", username: "citizen.zhang" },
  { role: "citizen-other", username: "citizen.wang" },
  { role: "company", username: "company.jiaju" },
  { role: "bank", username: "bank.gongshang" },
  { role: "bank-token", username: "bank.gongshang", bearer: true },
  { role: "developer", username: "developer.yulin" },
  { role: "agent", username: "agent.anju" },
  { role: "court", username: "court.chancheng" },
  { role: "notary", username: "notary.chancheng" },
  { role: "tax", username: "tax.foshan" },
  { role: "housing", username: "housing.foshan" },
  { role: "acceptor", username: "chancheng.shouli" },
  { role: "reviewer", username: "chancheng.shenhe" },
  { role: "registrar", username: "chancheng.dengbu" },
  { role: "issuer", username: "chancheng.fazheng" },
  { role: "archivist", username: "chancheng.dangan" },
  { role: "supervisor", username: "chancheng.ducha" },
  { role: "city-supervisor", username: "foshan.ducha" },
  { role: "admin", username: "chancheng.admin" },
  { role: "other-office-acceptor", username: "beilin.shouli" },
  { role: "other-office-admin", username: "beilin.admin" },
];

/** Request headers that authenticate as `caller` (a session cookie, or a bearer token). */
export type Credentials = Map<string, Record<string, string>>;

let address = 0;
/** A fresh client address per login, so the login throttle of one caller never slows another. */
export const nextAddress = () => `198.51.100.${(address++ % 250) + 1}`;

export async function logIn(env: TestEnv, caller: Caller): Promise<Record<string, string>> {
  if (!caller.username) return {};
  const res = await env.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: nextAddress(),
    payload: { username: caller.username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${caller.username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  if (!caller.bearer) return { cookie, "x-csrf-token": /yulin_csrf=([^;]+)/.exec(cookie)?.[1] ?? "" };
  const token = await env.app.inject({
    method: "POST",
    url: "/api/institution/tokens",
    headers: { cookie },
    payload: {
      name: "matrix",
      scopes: [
        "cases:read",
        "cases:write",
        "register:read",
        "certificates:read",
        "certificates:write",
        "integrations",
        "personal-data",
      ],
    },
  });
  if (token.statusCode !== 201) throw new Error(`token: ${token.statusCode} ${token.body}`);
  return { authorization: `Bearer ${token.json().token}` };
}

export async function logInAll(env: TestEnv): Promise<Credentials> {
  const out: Credentials = new Map();
  for (const caller of CALLERS) out.set(caller.role, await logIn(env, caller));
  return out;
}

/** Path parameter values naming real resources of the owning tenant. */
export type Fixtures = Record<string, string>;

export async function makeFixtures(env: TestEnv, headers: Credentials): Promise<Fixtures> {
  const g = given(env);
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  const created = await env.app.inject({
    method: "POST",
    url: "/api/cases",
    headers: headers.get("bank"),
    payload: {
      typeId: "mortgage.first.general",
      unitCode: flat.unitCode,
      parts: [
        {
          details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-17" },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    },
  });
  if (created.statusCode !== 201) throw new Error(`case: ${created.statusCode} ${created.body}`);
  const accountId = async (username: string) =>
    String(
      (
        await sql<{ id: string }>`select id from accounts where username = ${username}`.execute(
          env.services.db,
        )
      ).rows[0]?.id,
    );
  // The staff member the administrators' routes act on: no caller above, so locking it or
  // resetting its password never logs a caller out.
  await env.services.accounts.addAccount(systemContext("matrix"), {
    username: "chancheng.target",
    kind: "staff",
    displayName: "禅城区测试对象",
    password: DEMO_PASSWORD,
    roles: [{ role: "acceptor", jurisdiction: "440604" }],
  });
  return {
    caseId: created.json().id,
    unitCode: flat.unitCode,
    office: "440604",
    staffId: await accountId("chancheng.target"),
    citizenId: await accountId("citizen.zhang"),
  };
}

/**
 * What the register holds: a refused request must leave every one of these unchanged. Entries
 * are appended in the recording transaction (the sequencer only seals them later).
 */
export async function registerFingerprint(env: TestEnv): Promise<string> {
  const r = await sql<{ f: string }>`select concat_ws('/',
      (select count(*) from register_entries), (select max(seq) from register_entries),
      (select count(*) from rights), (select count(*) from encumbrances), (select count(*) from cases),
      (select count(*) from units)) as f`.execute(env.services.db);
  return String(r.rows[0]?.f);
}
