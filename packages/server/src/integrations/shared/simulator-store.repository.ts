import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import type { Database, Tx } from "../../platform/db/database";

type Db = Database | Tx;

/**
 * The simulated departments' own records (contracts, licences, gateway transactions …) in
 * `simulator_records`. Personal fields go in `sealed` (SM4), like every personal datum at rest.
 */
export function createSimulatorStore(db: Database, pii: PiiCipher) {
  async function get<T extends Record<string, unknown>>(
    department: string,
    kind: string,
    key: string,
    on: Db = db,
  ): Promise<(T & { _personal?: Record<string, unknown> }) | undefined> {
    const row = await on
      .selectFrom("simulator_records")
      .select(["data", "sealed"])
      .where("department", "=", department)
      .where("kind", "=", kind)
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return undefined;
    const personal = row.sealed
      ? (JSON.parse(pii.decrypt(row.sealed)) as Record<string, unknown>)
      : undefined;
    return { ...(row.data as T), ...(personal ? { _personal: personal } : {}) };
  }

  /** Inserts or replaces one record; returns false when `onlyIfAbsent` and it existed. */
  async function put(
    department: string,
    kind: string,
    key: string,
    data: Record<string, unknown>,
    options: { personal?: Record<string, unknown>; onlyIfAbsent?: boolean; on?: Db } = {},
  ): Promise<boolean> {
    const values = {
      department,
      kind,
      key,
      data: JSON.stringify(data),
      sealed: options.personal ? pii.encrypt(JSON.stringify(options.personal)) : null,
    };
    const q = (options.on ?? db).insertInto("simulator_records").values(values);
    const r = await (options.onlyIfAbsent
      ? q.onConflict((oc) => oc.columns(["department", "kind", "key"]).doNothing())
      : q.onConflict((oc) =>
          oc.columns(["department", "kind", "key"]).doUpdateSet({ data: values.data, sealed: values.sealed }),
        )
    )
      .returning("key")
      .executeTakeFirst();
    return r !== undefined;
  }

  async function list(department: string, kind: string, on: Db = db) {
    return on
      .selectFrom("simulator_records")
      .select(["key", "data", "created_at"])
      .where("department", "=", department)
      .where("kind", "=", kind)
      .orderBy("created_at")
      .execute();
  }

  return { get, put, list };
}

export type SimulatorStore = ReturnType<typeof createSimulatorStore>;
