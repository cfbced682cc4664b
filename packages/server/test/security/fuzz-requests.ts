/**
 * One generated request of the fuzz suite: an operation, a caller, path and query parameters, a
 * body (valid per the schema, hostile, not JSON at all) under a content type, and now and then a
 * hostile header (foreign Origin, forged cookie or token).
 */
import fc from "fast-check";
import { hostile, hostileString, type Operation, type Schema, valid } from "./openapi-arbitraries";
import type { Caller, Fixtures } from "./role-fixtures";

export type FuzzRequest = {
  key: string;
  role: string;
  method: Operation["method"];
  url: string;
  headers: Record<string, string>;
  payload?: string;
  contentType?: string;
  remoteAddress: string;
};

/** encodeURIComponent that turns a lone surrogate into the bytes a client could still send. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\s\S]/g, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    });
  }
}

const stringify = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** The real resource a path parameter of this path would name, if there is one. */
function fixtureFor(path: string, name: string, f: Fixtures): string | undefined {
  if (name === "id" && path.startsWith("/api/cases/")) return f.caseId;
  if (name === "id" && path.includes("/staff/")) return f.staffId;
  if (name === "id" && path.startsWith("/api/accounts/")) return f.citizenId;
  if (name === "code" && path.startsWith("/api/offices/")) return f.office;
  if (name === "office") return f.office;
  if (name === "code" && path.includes("/units/")) return f.unitCode;
  return undefined;
}

function pathValue(op: Operation, p: { name: string; schema: Schema }, f: Fixtures): fc.Arbitrary<string> {
  const real = fixtureFor(op.path, p.name, f);
  return fc.oneof(
    { weight: real ? 4 : 0, arbitrary: fc.constant(real ?? "") },
    { weight: 3, arbitrary: valid(p.schema).map(stringify) },
    { weight: 2, arbitrary: hostileString },
  );
}

function queryValues(op: Operation): fc.Arbitrary<Array<[string, string]>> {
  const entries = op.queryParams.map((p) =>
    fc
      .option(fc.oneof(valid(p.schema).map(stringify), hostileString), { freq: p.required ? 8 : 2 })
      .map((v): [string, string] | null => (v === null ? null : [p.name, v])),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom("limit", "__proto__", "x", "stage"), hostileString), {
    freq: 4,
  });
  return fc.tuple(fc.tuple(...entries), extra).map(([list, more]) => {
    const out = list.filter((e): e is [string, string] => e !== null);
    if (more) out.push(more);
    return out;
  });
}

const BAD_JSON = ["{", '{"a":', "[1,2", "nul", '{"a":1}}', "\u0000", '{"a":"\\ud800"}', "'x'", "1e999999"];

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=latin1",
  "application/octet-stream",
];

type Body = { payload?: string; contentType?: string };

function bodyOf(op: Operation): fc.Arbitrary<Body> {
  const json = (a: fc.Arbitrary<unknown>) =>
    a.map((v) => ({ payload: JSON.stringify(v) ?? "null", contentType: "application/json" }));
  const schema = op.body ?? { type: "object", properties: {} };
  return fc.oneof(
    { weight: op.body ? 4 : 1, arbitrary: json(valid(schema)) },
    { weight: 4, arbitrary: json(hostile(schema)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...BAD_JSON)
        .map((payload) => ({ payload, contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(fc.constant("a=1&b=2"), hostileString))
        .map(([contentType, payload]) => ({ payload, contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

const HOSTILE_HEADERS: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant({ origin: "https://evil.example" }) },
  {
    weight: 1,
    arbitrary: fc.constant({ cookie: "yulin_session=forged; yulin_csrf=x", "x-csrf-token": "x" }),
  },
  { weight: 1, arbitrary: fc.constant({ authorization: "Bearer yl_forged_token" }) },
  { weight: 1, arbitrary: fc.constant({ authorization: "Basic YWRtaW46YWRtaW4=" }) },
  { weight: 1, arbitrary: fc.constant({ "x-csrf-token": "wrong" }) },
);

export function fuzzRequest(ops: Operation[], callers: Caller[], f: Fixtures): fc.Arbitrary<FuzzRequest> {
  const perOp = ops.map((op) =>
    fc
      .record({
        role: fc.constantFrom(...callers.map((c) => c.role)),
        params: fc.tuple(...op.pathParams.map((p) => pathValue(op, p, f))),
        query: queryValues(op),
        body: op.method === "GET" || op.method === "DELETE" ? fc.constant<Body>({}) : bodyOf(op),
        headers: HOSTILE_HEADERS,
        address: fc.integer({ min: 1, max: 250 }),
      })
      .map(({ role, params, query, body, headers, address }): FuzzRequest => {
        let i = 0;
        const path = op.path.replace(/\{\w+\}/g, () => encode(params[i++] ?? ""));
        const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
        const contentType = body.contentType;
        return {
          key: op.key,
          role,
          method: op.method,
          url: qs ? `${path}?${qs}` : path,
          headers: { ...headers, ...(contentType ? { "content-type": contentType } : {}) },
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
          ...(contentType ? { contentType } : {}),
          remoteAddress: `203.0.113.${address}`,
        };
      }),
  );
  return fc.oneof(...perOp);
}
