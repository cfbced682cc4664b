import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "./database";
import type { DB } from "./schema";

/** Rows for `COPY table (columns) FROM STDIN`, one array of values per row in column order. */
export type CopyRows = (
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
) => Promise<void>;

/** One dedicated connection: a Kysely instance bound to it, and COPY on the same session. */
export type BulkConnection = { db: Database; copy: CopyRows };
export type BulkSession = <T>(fn: (conn: BulkConnection) => Promise<T>) => Promise<T>;

const sessions = new WeakMap<Database, BulkSession>();

export function registerBulkSession(db: Database, session: BulkSession): void {
  sessions.set(db, session);
}

/**
 * The bulk session of a database opened by `openDatabase`: the caller holds one connection for
 * `fn` (on PGlite, the only one: nothing else may use `db` meanwhile) and may COPY on it, inside
 * a transaction begun on `conn.db`.
 */
export function bulkSessionOf(db: Database): BulkSession {
  const session = sessions.get(db);
  if (!session) throw new Error("this database has no bulk session (open it with openDatabase)");
  return session;
}

// COPY's text format: tab-separated, \N for null, backslash escapes.
const escapeText = (s: string) =>
  /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : s;

const arrayLiteral = (values: readonly unknown[]): string =>
  `{${values
    .map((v) =>
      v === null || v === undefined ? "NULL" : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`,
    )
    .join(",")}}`;

function field(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify(value));
}

/** The COPY text-format body of these rows. */
export function copyText(rows: ReadonlyArray<readonly unknown[]>): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i === 0 ? "" : "\t") + field(row[i]);
    out += "\n";
  }
  return out;
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
};
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) from ${source}`;

/** A Kysely instance over one already-connected client (its `release` does nothing). */
function onClient(client: pg.PoolClient): Database {
  const pool = {
    // Kysely calls `query` and `release` only; `query` must run on the client itself (its state).
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}

const CHUNK = 8 << 20;

/** PostgreSQL: COPY FROM STDIN through pg-copy-streams, written in chunks of ~8 MB. */
export function pgBulkSession(pool: pg.Pool): BulkSession {
  return async (fn) => {
    const client = await pool.connect();
    try {
      const copy: CopyRows = async (table, columns, rows) => {
        if (rows.length === 0) return;
        const stream = client.query(copyFrom(copyStatement(table, columns, "stdin")));
        const done = new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve);
          stream.on("error", reject);
        });
        const step = Math.max(1, Math.floor(CHUNK / 400));
        for (let i = 0; i < rows.length; i += step) {
          if (!stream.write(copyText(rows.slice(i, i + step))))
            await new Promise((resolve) => stream.once("drain", resolve));
        }
        stream.end();
        await done;
      };
      return await fn({ db: onClient(client), copy });
    } finally {
      client.release();
    }
  };
}

/**
 * PGlite: COPY FROM '/dev/blob' with the `blob` query option. PGlite has one session, so the COPY
 * runs in whatever transaction the pool's single client has begun.
 */
export function pgliteBulkSession(pool: pg.Pool, pglite: PGlite): BulkSession {
  return async (fn) => {
    const client = await pool.connect();
    try {
      const copy: CopyRows = async (table, columns, rows) => {
        if (rows.length === 0) return;
        await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], {
          blob: new Blob([copyText(rows)]),
        });
      };
      return await fn({ db: onClient(client), copy });
    } finally {
      client.release();
    }
  };
}
