import type { Tx } from "../platform/db/database";

/** The port certificates declare for registration offices (identity owns them; setup wires it). */
export type OfficeDirectory = {
  /** The office's name, or undefined when no office has the code. */
  findName: (tx: Tx, code: string) => Promise<string | undefined>;
};
