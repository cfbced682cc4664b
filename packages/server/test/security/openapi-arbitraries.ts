/**
 * fast-check arbitraries derived from the server's own OpenAPI document (issue 17): the fuzz suite
 * and the authorisation matrix walk every operation the document lists, so a new route is covered
 * the day it is registered. `valid(schema)` follows the JSON Schema the zod route schemas produce;
 * `hostile(schema)` is the same tree with, at any node, a wrong type, a huge or control-laden
 * string, a missing required field or an unknown one.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped JSON.
export type Schema = any;

export type Operation = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  key: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  queryParams: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | null;
};

/** Every operation of the server's OpenAPI document, in document order. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ url: "/api/openapi.json" });
  const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, Schema>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params: Schema[] = op.parameters ?? [];
      const upper = method.toUpperCase() as Operation["method"];
      ops.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        pathParams: params.filter((p) => p.in === "path").map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body: op.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return ops;
}

/** The URL of an operation with its path parameters filled in (encoded). */
export function urlOf(
  op: Operation,
  params: Record<string, string>,
  query: Record<string, string> = {},
): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

function validString(s: Schema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, Math.max(minLength, 40));
  const fits = (v: string) => v.length >= minLength && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
  if (s.format === "uuid") return fc.uuid({ version: 4 });
  if (s.format === "date" || s.pattern === "^\\d{4}-\\d{2}-\\d{2}$")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2060-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === "uri") return fc.webUrl();
  if (s.pattern) {
    // Patterns with a length bound of their own are generated as they are; the bound then filters.
    return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  }
  return fc.string({
    minLength,
    maxLength,
    unit: fc.constantFrom("a", "b", "z", "0", "9", " ", "-", "登", "记", "簿"),
  });
}

function validNumber(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const max =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e9);
  if (integer)
    return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that satisfy `schema` (as far as JSON Schema says; the domain may still refuse them). */
export function valid(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (s === undefined || s === true || (typeof s === "object" && Object.keys(s).length === 0))
    return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => valid(x, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return validString(s);
    case "integer":
      return validNumber(s, true);
    case "number":
      return validNumber(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 3, depth > 2 ? minLength : 3));
      return fc.array(valid(s.items, depth + 1), { minLength, maxLength });
    }
    case "object":
      return validObject(s, depth);
    default:
      return fc.constant(null);
  }
}

function validObject(s: Schema, depth: number): fc.Arbitrary<unknown> {
  const required = new Set<string>(s.required ?? []);
  const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of props) model[name] = valid(sub, depth + 1);
  if (props.length === 0 && s.additionalProperties && typeof s.additionalProperties === "object") {
    return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), valid(s.additionalProperties, depth + 1), {
      maxKeys: 3,
    });
  }
  // Optional members are left out now and then, deeper objects more often (keeps bodies small).
  const optional = props.filter(([n]) => !required.has(n)).map(([n]) => n);
  return fc.record(model, { requiredKeys: [...required].filter((n) => n in model) }).map((v) => {
    if (depth > 1) for (const n of optional) delete (v as Record<string, unknown>)[n];
    return v;
  });
}

/** Strings a hostile client sends. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "a\u0000b",
    "\u0000",
    "\u0007\u001b[2J",
    "\ud800",
    "e\u0301",
    "'; drop table cases; --",
    "../../etc/passwd",
    "%00",
    "<script>alert(1)</script>",
    "$" + "{jndi:ldap://x}",
    "{{7*7}}",
    "🏠🏡",
    "𠮷野家",
    "\u202e逆序",
    "NaN",
    "-1",
    "9".repeat(400),
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.nat({ max: 300_000 }).map((n) => "长".repeat(n)),
);

/** Anything but what the schema asks: wrong types, hostile strings, huge values. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 1.5, [], {}, [null], {
    __proto__: { x: 1 },
  }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

/**
 * A value shaped like `schema` in which any node may be replaced by a wrong value, a required
 * member dropped, or an unknown member (`__proto__`, `isAdmin` …) added.
 */
export function hostile(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  const base = mutateChildren(s, depth);
  return fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: wrongValue });
}

function mutateChildren(s: Schema, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(s?.type) ? s.type[0] : s?.type;
  if (depth > 4 || !s) return valid(s, depth);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => hostile(x, depth + 1)));
  if (type === "array" && s.items)
    return fc.array(hostile(s.items, depth + 1), { maxLength: depth === 0 ? 300 : 4, size: "small" });
  if (type !== "object" || !s.properties) return valid(s, depth);
  const props = Object.entries(s.properties as Record<string, Schema>);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of props) model[name] = hostile(sub, depth + 1);
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.option(
        fc.tuple(fc.constantFrom("__proto__", "constructor", "isAdmin", "id", "role", "x"), wrongValue),
      ),
    )
    .map(([obj, extra]) => {
      if (extra)
        Object.defineProperty(obj, extra[0], {
          value: extra[1],
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return obj;
    });
}
