#!/usr/bin/env node
// One owner per table (STYLE.md §14): a table is queried only by the repositories
// (`*.repository.ts`) of the capability that owns it. Every table in
// packages/server/src/platform/db/schema.ts must have an owner below, so a new table without one
// fails too. Migrations and the rest of platform/db are exempt; tests are not scanned.
// Usage: node scripts/check-table-owners.mjs [repository root]
import fs from "node:fs";
import path from "node:path";
import { repoRoot, report, sourceFiles } from "./lib/source-files.mjs";

/** Owner folder (under packages/server/src) → the tables it owns. */
const OWNERS = {
  identity: [
    "offices",
    "institutions",
    "accounts",
    "staff_roles",
    "sessions",
    "api_tokens",
    "login_throttles",
    "sms_challenges",
  ],
  projects: ["projects", "project_buildings", "project_notices"],
  calendar: ["holidays", "holiday_years", "holiday_schedules"],
  register: [
    "cadastral_zones",
    "code_sequences",
    "ledger_head",
    "register_entries",
    "ledger_leaves",
    "ledger_queue",
    "ledger_receipts",
    "merkle_nodes",
    "seal_keys",
    "ledger_tree_heads",
    "parcels",
    "buildings",
    "units",
    "rights",
    "right_holders",
    "encumbrances",
    "register_imports",
    "register_import_progress",
    "register_import_rejections",
    "register_import_holders",
  ],
  cases: [
    "cases",
    "case_parts",
    "case_parties",
    "case_signatures",
    "case_files",
    "case_materials",
    "case_transitions",
    "case_ratings",
    "case_repayments",
    "account_keys",
    "scheduled_effects",
    "scheduler_runs",
  ],
  certificates: [
    "certificate_number_series",
    "certificate_files",
    "certificates",
    "certificate_recipients",
    "certificate_prints",
    "certificate_deliveries",
  ],
  integrations: [
    "institution_connections",
    "inbound_nonces",
    "inbound_messages",
    "tax_declarations",
    "tax_assessments",
    "tax_confirmations",
    "payment_orders",
    "payment_parts",
    "payment_allocations",
    "payment_refunds",
    "reconciliation_reports",
    "fetched_materials",
    "simulator_records",
    "utility_transfers",
    "national_reports",
  ],
  archive: ["archive_records", "archive_loans", "archive_events"],
  queries: ["query_applications", "query_log", "query_blocks"],
  supervision: ["integrity_alerts", "integrity_alert_follow_ups", "integrity_thresholds"],
  dashboards: ["case_day_figures", "staff_day_figures", "encumbrance_day_figures"],
  transparency: ["complaints", "compensation_claims"],
  "platform/audit": ["audit_log"],
  "platform/outbox": ["outbox", "connector_health"],
  "platform/db": ["settings"],
  "platform/http": ["idempotency_keys"],
};

/**
 * Files other than repositories that may query a table, each with its reason. Keep this short:
 * the files here are being rewritten elsewhere or are a repository under another name.
 */
const ALSO_ALLOWED = {
  "platform/audit/audit.ts": { tables: ["audit_log"], why: "the audit writer is platform's repository" },
  "register/verify-books.ts": {
    tables: ["code_sequences", "register_entries"],
    why: "the register's replay reads its own tables (being rewritten with the ledger)",
  },
  "cases/unit-state.loader.ts": {
    tables: ["units", "encumbrances"],
    why: "reads the register's projections under the registering lock (being rewritten; should use a register port)",
  },
};

const EXEMPT = ["platform/db/"];

const root = repoRoot();
const src = path.join(root, "packages/server/src");
const schema = fs.readFileSync(path.join(src, "platform/db/schema.ts"), "utf8");
const dbBlock = schema.match(/export type DB = \{([^}]*)\}/);
if (!dbBlock) throw new Error("platform/db/schema.ts: no `export type DB = {…}`");
const tables = new Set([...dbBlock[1].matchAll(/^\s*([a-z_]+)\s*:/gm)].map((m) => m[1]));

const problems = [];
const ownerOf = new Map();
for (const [owner, owned] of Object.entries(OWNERS))
  for (const table of owned) {
    if (!tables.has(table)) problems.push(`owner map: ${table} (${owner}) is not in schema.ts`);
    ownerOf.set(table, owner);
  }
for (const table of tables)
  if (!ownerOf.has(table))
    problems.push(`schema.ts: table ${table} has no owner in scripts/check-table-owners.mjs`);

const builder =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|(?:inner|left|right|full)Join)\(\s*(\[[^\]]*\]|["'`][a-z_]+)/g;
const sqlTemplate = /\bsql(?:<[^`]*?>)?`([^`]*)`/g;
const sqlTable = /\b(?:from|join|into|update|table)\s+"?([a-z_]+)/gi;

/** The tables a source text names in Kysely builder calls and in raw `sql` text. */
function tablesIn(text) {
  const found = new Set();
  for (const m of text.matchAll(builder))
    for (const name of m[1].matchAll(/["'`]([a-z_]+)/g)) found.add(name[1]);
  for (const m of text.matchAll(sqlTemplate))
    for (const name of m[1].replace(/\$\{[^}]*\}/g, " ").matchAll(sqlTable)) found.add(name[1].toLowerCase());
  return [...found].filter((t) => tables.has(t));
}

const excepted = new Set();
for (const file of sourceFiles(src)) {
  const name = path.relative(src, file).split(path.sep).join("/");
  if (EXEMPT.some((prefix) => name.startsWith(prefix))) continue;
  for (const table of tablesIn(fs.readFileSync(file, "utf8"))) {
    const owner = ownerOf.get(table);
    if (!owner) continue;
    if (name.startsWith(`${owner}/`) && name.endsWith(".repository.ts")) continue;
    if (ALSO_ALLOWED[name]?.tables.includes(table)) {
      excepted.add(`${name} ${table}`);
      continue;
    }
    problems.push(`${name}: queries ${table}, owned by ${owner}/ (use a function of its *.repository.ts)`);
  }
}
// An exception that is no longer used goes, so the list only shrinks.
for (const [name, { tables: allowed }] of Object.entries(ALSO_ALLOWED))
  for (const table of allowed)
    if (!excepted.has(`${name} ${table}`))
      problems.push(`ALSO_ALLOWED: ${name} no longer queries ${table}; remove the exception`);
report("a table is queried only by its owner's repositories (STYLE.md §14)", problems, "table owners: ok");
