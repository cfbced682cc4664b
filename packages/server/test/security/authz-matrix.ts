/**
 * The authorisation matrix's table (`authz-matrix.md`): one row per OpenAPI operation, one column
 * per caller, each cell `Y` (let through: the answer is not a refusal of the caller) or `-`
 * (refused: 401, 403 or the indistinguishable 404 AUTH.FORBIDDEN).
 */
import fs from "node:fs";
import fc from "fast-check";
import { DEMO_PASSWORD, type TestEnv } from "../support/test-services";
import { type Operation, valid } from "./openapi-arbitraries";
import { type Credentials, type Fixtures, nextAddress } from "./role-fixtures";

export const TABLE_PATH = new URL("./authz-matrix.md", import.meta.url);

export type Outcome = "Y" | "-";
export type Table = { roles: string[]; rows: Map<string, Map<string, Outcome>> };

export function readTable(): Table {
  const lines = fs
    .readFileSync(TABLE_PATH, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("|"));
  const cells = (l: string) =>
    l
      .slice(1, -1)
      .split("|")
      .map((c) => c.trim());
  const [header, , ...body] = lines;
  const roles = cells(header ?? "").slice(1);
  const rows = new Map<string, Map<string, Outcome>>();
  for (const line of body) {
    const [key, ...outcomes] = cells(line);
    rows.set(
      (key ?? "").replaceAll("`", ""),
      new Map(roles.map((r, i) => [r, (outcomes[i] ?? "") as Outcome])),
    );
  }
  return { roles, rows };
}

export function writeTable(roles: string[], observed: Map<string, Map<string, Outcome>>): void {
  const head = [
    "# Authorisation matrix (issue 17)",
    "",
    "Checked by `packages/server/test/security/authz-matrix.test.ts` on both databases: every",
    "operation of the OpenAPI document × every caller, against the resources of the Chancheng office",
    "(440604) and citizen.zhang (a submitted-for-confirmation mortgage case, a unit, an office, a",
    "staff member). `Y`: let through (any answer but a refusal of the caller); `-`: refused (401, 403,",
    "or 404 `AUTH.FORBIDDEN`, which looks the same as not found). `citizen-other`, `other-office-*`",
    "are the other tenant. A route without a row fails the test: add its row deliberately.",
    "",
  ];
  const lines = [`| operation | ${roles.join(" | ")} |`, `| --- | ${roles.map(() => ":-:").join(" | ")} |`];
  for (const [key, row] of observed)
    lines.push(`| \`${key}\` | ${roles.map((r) => row.get(r)).join(" | ")} |`);
  fs.writeFileSync(TABLE_PATH, `${head.join("\n")}\n${lines.join("\n")}\n`);
}

/** A value of `schema`, the same every run. */
const sampleOf = (schema: unknown, seed: number) => fc.sample(valid(schema), { seed, numRuns: 1 })[0];

const FIXTURE_PARAMS: Array<[RegExp, string, keyof Fixtures]> = [
  [/^\/api\/cases\//, "id", "caseId"],
  [/\/staff\//, "id", "staffId"],
  [/^\/api\/accounts\//, "id", "citizenId"],
  [/^\/api\/offices\//, "code", "office"],
  [/./, "office", "office"],
  [/\/units\//, "code", "unitCode"],
];

/** The request the matrix sends: the owning tenant's resources, a body that passes the schema. */
export function requestOf(op: Operation, f: Fixtures, seed: number, username: string | null) {
  const params: Record<string, string> = {};
  for (const p of op.pathParams) {
    const fixture = FIXTURE_PARAMS.find(([re, name]) => name === p.name && re.test(op.path));
    params[p.name] = fixture ? String(f[fixture[2]]) : String(sampleOf(p.schema, seed));
  }
  const query = new URLSearchParams();
  for (const q of op.queryParams) if (q.required) query.set(q.name, String(sampleOf(q.schema, seed)));
  const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n] ?? ""));
  const qs = query.toString();
  return {
    url: qs ? `${path}?${qs}` : path,
    payload:
      // Logging in is let through when it is the caller's own account and password.
      op.key === "POST /api/auth/login" && username
        ? JSON.stringify({ username, password: DEMO_PASSWORD })
        : op.body
          ? JSON.stringify(sampleOf(op.body, seed))
          : undefined,
  };
}

/**
 * Refused: 401, 403, or a 404 whose message says "does not exist or you may not see it" (不存在或
 * 无权): forbidden and absent look the same to a caller (STYLE.md §4).
 */
export function outcomeOf(status: number, messageZh: unknown): Outcome {
  if (status === 401 || status === 403) return "-";
  if (status === 404 && typeof messageZh === "string" && messageZh.includes("无权")) return "-";
  return "Y";
}

/** Sends the matrix request as `role`; returns its status and code. */
export async function call(
  env: TestEnv,
  op: Operation,
  request: { url: string; payload: string | undefined },
  headers: Credentials,
  role: string,
) {
  const res = await env.server.inject({
    method: op.method,
    url: request.url,
    remoteAddress: nextAddress(),
    headers: {
      ...headers.get(role),
      ...(request.payload !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  let body: { code?: unknown; message_zh?: unknown } = {};
  try {
    body = res.json();
  } catch {}
  return { status: res.statusCode, code: body.code, messageZh: body.message_zh };
}
