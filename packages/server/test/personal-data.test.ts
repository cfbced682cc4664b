import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateResidentId } from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/demo/demo.seed";
import { DEMO_CITIZENS } from "../src/demo/demo-data";
import { openServices } from "../src/entrypoints/setup";
import { loadConfig } from "../src/platform/config";
import { createPiiCipher } from "../src/platform/crypto/pii-cipher";
import { startTestEnv, type TestEnv } from "./support/test-services";

const zhang = DEMO_CITIZENS[0];
const zhangId = generateResidentId({
  county: zhang.county,
  birthDate: zhang.birthDate,
  sequence: zhang.sequence,
});

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

describe("personal data at rest", () => {
  it("keeps a demo citizen's ID number and phone out of every file of the embedded database", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-pii-"));
    const services = await openServices(loadConfig({ YULIN_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
    await seedDemo(services);
    // Read it back through the API path, so reads are audited too, then flush everything to disk.
    const stored = await services.db
      .selectFrom("accounts")
      .select(["id_number_enc", "id_number_hash"])
      .where("username", "=", zhang.username)
      .executeTakeFirstOrThrow();
    expect(services.pii.decrypt(stored.id_number_enc!)).toBe(zhangId);
    await sql`checkpoint`.execute(services.db);
    await services.close();

    const needles = [zhangId, zhang.phone].map((s) => Buffer.from(s, "latin1"));
    let scanned = 0;
    for (const file of filesUnder(dataDir)) {
      const bytes = fs.readFileSync(file);
      scanned += bytes.length;
      for (const needle of needles) expect(bytes.includes(needle), `${needle} found in ${file}`).toBe(false);
    }
    // A real database was scanned, and the search itself works on those bytes.
    expect(scanned).toBeGreaterThan(10_000_000);
    const usernameFound = [...filesUnder(path.join(dataDir, "pglite"))].some((f) =>
      fs.readFileSync(f).includes(Buffer.from(zhang.username)),
    );
    expect(usernameFound).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});

describe("personal data in rows (this backend)", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env.close());

  it("stores no plain ID number or phone in any table, audit log included", async () => {
    const tables = ["accounts", "audit_log", "sessions", "staff_roles", "institutions", "settings"];
    for (const table of tables) {
      const rows = await sql<{
        row: string;
      }>`select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(env.services.db);
      for (const { row } of rows.rows) {
        expect(row).not.toContain(zhangId);
        expect(row).not.toContain(zhang.phone);
      }
    }
  });

  it("finds an account by ID number through the keyed hash only", async () => {
    const hash = env.services.pii.lookupHash(zhangId.toLowerCase());
    const row = await env.services.db
      .selectFrom("accounts")
      .select("username")
      .where("id_number_hash", "=", hash)
      .executeTakeFirst();
    expect(row?.username).toBe(zhang.username);
  });
});

describe("SM4 envelope", () => {
  const cipher = createPiiCipher("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

  it("round-trips and uses a fresh IV every time", () => {
    const a = cipher.encrypt(zhangId);
    const b = cipher.encrypt(zhangId);
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe(zhangId);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = cipher.encrypt(zhangId);
    const [v, body, tag] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64");
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`${v}.${bytes.toString("base64")}.${tag}`)).toThrow(/authentication/);
  });

  it("cannot be read with another key", () => {
    const other = createPiiCipher("ff".repeat(32));
    expect(() => other.decrypt(cipher.encrypt(zhangId))).toThrow();
  });
});
