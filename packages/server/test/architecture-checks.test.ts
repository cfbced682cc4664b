import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The checks `npm run lint` runs besides Biome (scripts/check-*.mjs): each passes on the real tree
// and fails on a copy of it with one violation planted.
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const runCheck = (script: string, root: string) =>
  spawnSync(process.execPath, [path.join(repoRoot, "scripts", script), root], { encoding: "utf8" });

function expectPasses(script: string) {
  const run = runCheck(script, repoRoot);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

function expectFails(script: string, root: string, ...messages: string[]) {
  const run = runCheck(script, root);
  expect(run.status).toBe(1);
  for (const message of messages) expect(run.stderr).toContain(message);
  return run.stderr;
}

let copies: string;
beforeAll(() => {
  copies = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-checks-"));
});
afterAll(() => fs.rmSync(copies, { recursive: true, force: true }));

/** A copy of the sources the checks read, with `plant` applied to it. */
function plantedTree(
  plant: (write: (file: string, text: string) => void, read: (file: string) => string) => void,
) {
  const root = fs.mkdtempSync(path.join(copies, "tree-"));
  for (const dir of ["packages/domain/src", "packages/server/src"])
    fs.cpSync(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
  const at = (file: string) => path.join(root, file);
  plant(
    (file, text) => {
      fs.mkdirSync(path.dirname(at(file)), { recursive: true });
      fs.writeFileSync(at(file), text);
    },
    (file) => fs.readFileSync(at(file), "utf8"),
  );
  return root;
}

describe("check-domain-purity", () => {
  it("passes on the real tree", () => expectPasses("check-domain-purity.mjs"));

  it("fails when a domain file imports node:fs", () => {
    const root = plantedTree((write) =>
      write(
        "packages/domain/src/leaky.ts",
        'import fs from "node:fs";\nexport const read = fs.readFileSync;\n',
      ),
    );
    expectFails("check-domain-purity.mjs", root, "leaky.ts: imports node:fs");
  });

  it("fails when a domain file reaches into the server", () => {
    const root = plantedTree((write) =>
      write(
        "packages/domain/src/leaky.ts",
        'export { openDatabase } from "../../server/src/platform/db/database";\n',
      ),
    );
    expectFails("check-domain-purity.mjs", root, "leaky.ts: leaves the domain");
  });
});

describe("check-table-owners", () => {
  it("passes on the real tree", () => expectPasses("check-table-owners.mjs"));

  it("fails when a service queries its own capability's table outside a repository", () => {
    const root = plantedTree((write) =>
      write(
        "packages/server/src/cases/case-peek.service.ts",
        'export const peek = (db: any) => db.selectFrom("cases").selectAll().execute();\n',
      ),
    );
    expectFails("check-table-owners.mjs", root, "cases/case-peek.service.ts: queries cases, owned by cases/");
  });

  it("fails when a repository queries another capability's table, by Kysely or by raw SQL", () => {
    const root = plantedTree((write) =>
      write(
        "packages/server/src/cases/peek.repository.ts",
        [
          'import { sql } from "kysely";',
          'export const a = (db: any) => db.selectFrom("certificates as c").selectAll().execute();',
          'export const b = (db: any) => db.selectFrom("cases").innerJoin("accounts", "accounts.id", "cases.created_by");',
          "export const c = (db: any) => sql`select name from offices where code = '440604'`.execute(db);",
          "",
        ].join("\n"),
      ),
    );
    const stderr = expectFails(
      "check-table-owners.mjs",
      root,
      "cases/peek.repository.ts: queries certificates, owned by certificates/",
      "cases/peek.repository.ts: queries accounts, owned by identity/",
      "cases/peek.repository.ts: queries offices, owned by identity/",
    );
    expect(stderr).not.toContain("queries cases,");
  });

  it("fails when schema.ts gains a table with no owner", () => {
    const root = plantedTree((write, read) => {
      const schema = "packages/server/src/platform/db/schema.ts";
      write(
        schema,
        read(schema).replace("export type DB = {", "export type DB = {\n  stray_notes: { id: string };"),
      );
    });
    expectFails("check-table-owners.mjs", root, "table stray_notes has no owner");
  });
});

describe("check-composition-root", () => {
  it("passes on the real tree", () => expectPasses("check-composition-root.mjs"));

  it("fails when platform imports a capability or an entry point", () => {
    const root = plantedTree((write) => {
      write(
        "packages/server/src/platform/http/wiring.ts",
        'export { casesPlugin } from "../../cases/cases.module";\n',
      );
      write(
        "packages/server/src/platform/boot.ts",
        'import type { Services } from "../entrypoints/setup";\n',
      );
    });
    expectFails(
      "check-composition-root.mjs",
      root,
      "platform/http/wiring.ts: imports cases/",
      "platform/boot.ts: imports entrypoints/",
    );
  });
});
