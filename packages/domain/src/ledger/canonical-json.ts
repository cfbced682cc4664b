/**
 * Canonical JSON — the one encoding of a value that the ledger hashes and signs, so that equal
 * content always gives equal bytes on the server, in the browser and in any other verifier.
 *
 * It follows RFC 8785 (JSON Canonicalization Scheme):
 * - no whitespace; object members sorted by their keys' UTF-16 code units;
 * - strings as ECMAScript `JSON.stringify` writes them (only `"`, `\` and control characters
 *   escaped; other characters, Chinese included, as themselves); a string with a lone surrogate
 *   is refused (I-JSON);
 * - numbers in ECMAScript's shortest round-trip form (`1`, `0.1`, `1e+21`; `-0` is `0`); NaN and
 *   the infinities are refused.
 *
 * Only JSON data is accepted: null, booleans, numbers, strings, arrays and plain objects. An
 * object property whose value is `undefined` is dropped, as `JSON.stringify` does; anything else
 * (undefined in an array, bigint, Date, Map, class instances, functions, symbols, cycles) is a
 * programmer error and throws a TypeError naming the path. Dates in particular are refused rather
 * than converted: callers store ISO 8601 strings, so what is hashed is exactly what is stored.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, "$", new Set());
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function encodeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new TypeError(`canonicalJson: lone surrogate in a string at ${path}`);
  return JSON.stringify(text);
}

function encode(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case "string":
      return encodeString(value, path);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${value} at ${path} is not a JSON number`);
      // ECMAScript's Number-to-String is the shortest round-trip form RFC 8785 asks for.
      return String(value);
    case "object":
      if (value === null) return "null";
      return encodeContainer(value, path, open);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} at ${path} has no JSON form`);
  }
}

function encodeContainer(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === undefined) throw new TypeError(`canonicalJson: undefined at ${path}[${i}]`);
        items.push(encode(item, `${path}[${i}]`, open));
      }
      return `[${items.join(",")}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new TypeError(
        `canonicalJson: ${kind} at ${path} is not plain JSON data (pass ISO strings for dates)`,
      );
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort(byCodeUnits)) {
      const member = record[key];
      if (member === undefined) continue;
      const memberPath = `${path}.${key}`;
      members.push(`${encodeString(key, memberPath)}:${encode(member, memberPath, open)}`);
    }
    return `{${members.join(",")}}`;
  } finally {
    open.delete(value);
  }
}
