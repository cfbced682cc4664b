import type { ColumnType } from "kysely";

/** Column types shared by the table declarations (how node-postgres returns each SQL type). */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Set by the database on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint columns come back as numbers (safe integers: fen, counts and seqs). */
export type Int8 = ColumnType<number, number, number>;
export type Seq = Int8;
/** numeric columns come back as strings; written as numbers. */
export type Numeric = ColumnType<string, number | string, number | string>;
/** jsonb columns: read as values, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;
export type JsonOf<T> = Json<T>;
export type JsonColumn<T> = Json<T>;
