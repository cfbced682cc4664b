import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/platform/db/database";
import { migrateToLatest } from "../src/platform/db/migrator";
import { freshDatabase } from "./support/test-database";

/**
 * schema.ts is written by hand (its string unions and comments say more than a generator could),
 * so this test holds it to the migrations: a fresh database is migrated and every table and column
 * of `information_schema` must be declared in `DB` with a matching type and nullability, and
 * nothing more. A migration that adds a column fails here until schema.ts declares it.
 */

const SCHEMA_FILE = path.resolve(import.meta.dirname, "../src/platform/db/schema.ts");

/** What a column's TypeScript select type is made of. */
type Kind = "string" | "number" | "boolean" | "Date" | "Buffer" | "array" | "json";
/** `unknown` and `any` hold null too: such a column may be either. */
type Column = { kinds: Set<Kind>; nullable: boolean | "either" };

/** The TypeScript kinds a PostgreSQL type may be read as (see the pg type parsers in database.ts). */
const ALLOWED: Record<string, Kind[]> = {
  text: ["string"],
  varchar: ["string"],
  bpchar: ["string"],
  uuid: ["string"],
  inet: ["string"],
  int2: ["number"],
  int4: ["number"],
  // bigint: a number when safe, else the string; numeric: the string.
  int8: ["number", "string"],
  numeric: ["string", "number"],
  float8: ["number"],
  bool: ["boolean"],
  timestamptz: ["Date"],
  timestamp: ["Date"],
  date: ["string"],
  bytea: ["Buffer"],
  jsonb: ["json", "string", "number", "boolean", "array"],
  json: ["json", "string", "number", "boolean", "array"],
  box: ["string"],
  polygon: ["string"],
  point: ["string"],
};

/** The `DB` type of schema.ts, read with the TypeScript checker: table → column → select type. */
function declaredSchema(): Map<string, Map<string, Column>> {
  const program = ts.createProgram([SCHEMA_FILE], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  if (!source) throw new Error(`cannot read ${SCHEMA_FILE}`);
  const dbSymbol = checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .find((s) => s.name === "DB");
  if (!dbSymbol) throw new Error("schema.ts exports no DB type");
  const dbType = checker.getDeclaredTypeOfSymbol(dbSymbol);

  // Kysely's ColumnType<S, I, U> (and Generated<S>): the row read back has type S.
  const selectTypes = (type: ts.Type): ts.Type[] =>
    type.isUnion()
      ? type.types.flatMap(selectTypes)
      : type.getProperty("__select__")
        ? selectTypes(checker.getTypeOfSymbol(type.getProperty("__select__")!))
        : [type];
  const kindOf = (type: ts.Type): Kind | undefined => {
    const flags = type.getFlags();
    if (flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) return undefined;
    if (flags & ts.TypeFlags.StringLike) return "string";
    if (flags & ts.TypeFlags.NumberLike) return "number";
    if (flags & ts.TypeFlags.BooleanLike) return "boolean";
    if (flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return "json";
    if (checker.isArrayType(type) || checker.isTupleType(type)) return "array";
    const name = type.getSymbol()?.name;
    return name === "Date" ? "Date" : name === "Buffer" || name === "Uint8Array" ? "Buffer" : "json";
  };
  const nullable = (type: ts.Type): Column["nullable"] => {
    const types = selectTypes(type);
    if (types.some((t) => t.getFlags() & (ts.TypeFlags.Unknown | ts.TypeFlags.Any))) return "either";
    return types.some((t) => t.getFlags() & ts.TypeFlags.Null);
  };

  const tables = new Map<string, Map<string, Column>>();
  for (const table of checker.getPropertiesOfType(dbType)) {
    const columns = new Map<string, Column>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      const type = checker.getTypeOfSymbol(column);
      const kinds = new Set(selectTypes(type).flatMap((t) => kindOf(t) ?? []));
      columns.set(column.name, { kinds, nullable: nullable(type) });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

let handle: DatabaseHandle;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  handle = await openDatabase(fresh.options);
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
  await drop?.();
});

describe("schema.ts", () => {
  it("declares every table and column the migrations create, with their types and nullability", async () => {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
    }>`
      select c.table_name, c.column_name, c.udt_name, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.table_name not like 'kysely_migration%'
      order by c.table_name, c.ordinal_position`.execute(handle.db);
    const declared = declaredSchema();
    const differences: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const where = `${row.table_name}.${row.column_name}`;
      seen.add(where);
      const columns = declared.get(row.table_name);
      if (!columns) {
        if (!seen.has(row.table_name)) differences.push(`${row.table_name}: table missing from DB`);
        seen.add(row.table_name);
        continue;
      }
      const column = columns.get(row.column_name);
      if (!column) {
        differences.push(`${where}: column missing (${row.udt_name})`);
        continue;
      }
      const type = row.udt_name.startsWith("_") ? "array" : row.udt_name;
      const allowed: Kind[] = type === "array" ? ["array", "json"] : (ALLOWED[type] ?? []);
      const wrong = [...column.kinds].filter((k) => !allowed.includes(k));
      if (allowed.length === 0) differences.push(`${where}: no TypeScript mapping for ${row.udt_name}`);
      else if (wrong.length > 0 || column.kinds.size === 0)
        differences.push(
          `${where}: declared ${[...column.kinds].join("|") || "never"}, database ${row.udt_name}`,
        );
      if (column.nullable !== "either" && column.nullable !== (row.is_nullable === "YES"))
        differences.push(
          `${where}: declared ${column.nullable ? "nullable" : "not null"}, database ${row.is_nullable === "YES" ? "nullable" : "not null"}`,
        );
    }
    for (const [table, columns] of declared) {
      if (!rows.some((r) => r.table_name === table)) {
        differences.push(`${table}: declared in DB, not in the database`);
        continue;
      }
      for (const column of columns.keys())
        if (!seen.has(`${table}.${column}`))
          differences.push(`${table}.${column}: declared, not in the database`);
    }
    expect(differences).toEqual([]);
  });
});
