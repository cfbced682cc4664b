import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { call, type Outcome, outcomeOf, readTable, requestOf, writeTable } from "./authz-matrix";
import { type Operation, operationsOf } from "./openapi-arbitraries";
import { CALLERS, type Credentials, type Fixtures, logIn, logInAll, makeFixtures } from "./role-fixtures";

// Issue 17, point 3: every operation of the OpenAPI document × every role (and the other tenant)
// against the expected outcome written in authz-matrix.md. A route the table does not name, a row
// for a route that is gone, or any cell that differs fails. After a deliberate change of access
// rules, YULIN_AUTHZ_MATRIX_WRITE=1 rewrites the table from what the server answers: review the diff.
const SEED = 17;
let env: TestEnv;
let ops: Operation[];
let credentials: Credentials;
let fixtures: Fixtures;
beforeAll(async () => {
  env = await startTestEnv({
    YULIN_RATE_LIMIT_IP_PER_MINUTE: "100000000",
    YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "100000000",
  });
  ops = await operationsOf(env.app);
  credentials = await logInAll(env);
  fixtures = await makeFixtures(env, credentials);
}, 600_000);
afterAll(async () => closeEnv(env));

const roles = CALLERS.map((c) => c.role);

describe(`authorisation matrix: every operation × ${CALLERS.length} callers`, () => {
  it("names every operation of the OpenAPI document, and only those", () => {
    if (process.env.YULIN_AUTHZ_MATRIX_WRITE) return;
    const table = readTable();
    expect(table.roles).toEqual(roles);
    const missing = ops.map((o) => o.key).filter((k) => !table.rows.has(k));
    expect(missing, "operations without a row in authz-matrix.md").toEqual([]);
    const stale = [...table.rows.keys()].filter((k) => !ops.some((o) => o.key === k));
    expect(stale, "rows of authz-matrix.md for operations that no longer exist").toEqual([]);
  });

  it("lets through and refuses exactly as the table says", async () => {
    const observed = new Map<string, Map<string, Outcome>>();
    const invalid: string[] = [];
    for (const op of ops) {
      const row = new Map<string, Outcome>();
      for (const caller of CALLERS) {
        const request = requestOf(op, fixtures, SEED, caller.username);
        const { status, code, messageZh } = await call(env, op, request, credentials, caller.role);
        // A body the schema refuses never reaches the access check: the cell would say nothing.
        if (code === "REQUEST.INVALID" && caller.role !== "anonymous")
          invalid.push(`${op.key} as ${caller.role}`);
        row.set(caller.role, outcomeOf(status, messageZh));
        if (op.key === "POST /api/auth/logout" && status < 400)
          credentials.set(caller.role, await logIn(env, caller));
      }
      observed.set(op.key, row);
    }
    const cells = ops.length * roles.length;
    const allowed = [...observed.values()].reduce(
      (n, r) => n + [...r.values()].filter((o) => o === "Y").length,
      0,
    );
    console.log(
      `authz matrix: ${ops.length} operations × ${roles.length} callers = ${cells} cells, ${allowed} let through`,
    );
    if (process.env.YULIN_AUTHZ_MATRIX_WRITE) {
      writeTable(roles, observed);
      if (invalid.length) console.log(`refused by the schema:\n${invalid.join("\n")}`);
      return;
    }
    const table = readTable();
    const differences: string[] = [];
    for (const [key, row] of observed)
      for (const role of roles) {
        const expected = table.rows.get(key)?.get(role);
        if (expected !== row.get(role))
          differences.push(`${key} as ${role}: expected ${expected}, got ${row.get(role)}`);
      }
    expect(differences).toEqual([]);
    expect(invalid, "requests the schema refused before the access check").toEqual([]);
  }, 1_800_000);
});
