import { findCounty, generateCreditCode, generateResidentId, STAFF_ROLE_NAMES } from "@yulin/domain";
import type { AccountService } from "../identity/account.service";
import { insertInstitution } from "../identity/institution.repository";
import { insertOfficeIfAbsent } from "../identity/office.repository";
import { systemContext } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { hasSetting, insertSetting } from "../platform/db/settings.repository";
import {
  DEMO_CITIZENS,
  DEMO_CITY_SUPERVISORS,
  DEMO_COMPANIES,
  DEMO_INSTITUTIONS,
  DEMO_OFFICES,
  DEMO_PASSWORD,
  DEMO_STAFF_ROLES,
} from "./demo-data";
import { type DemoRegisterServices, seedDemoRegister } from "./demo-register.seed";

const SEEDED_KEY = "demo.seeded";

export type DemoAccountLine = { group: string; usernames: string[]; note: string };

/** What loading the demo uses: accounts, the register (through its ledger) and the database. */
export type DemoServices = DemoRegisterServices & {
  db: Database;
  accounts: Pick<AccountService, "addAccount">;
};

export async function isDemoSeeded(services: { db: Database }): Promise<boolean> {
  return hasSetting(services.db, SEEDED_KEY);
}

/** Registration offices are reference data every installation needs for its own counties. */
export async function ensureOffices(
  services: { db: Database },
  offices: ReadonlyArray<{ code: string; name: string }>,
): Promise<void> {
  for (const office of offices) {
    const county = findCounty(office.code);
    if (!county) throw new Error(`unknown county code ${office.code}`);
    await insertOfficeIfAbsent(services.db, {
      code: office.code,
      name: office.name,
      city_code: county.cityCode,
      province_code: county.provinceCode,
    });
  }
}

/**
 * Loads the demo dataset once: offices of two cities, staff for every role of every office, one
 * institution of each kind, citizens and companies with valid (generated) ID and credit codes.
 */
export async function seedDemo(services: DemoServices): Promise<boolean> {
  if (await isDemoSeeded(services)) return false;
  const ctx = systemContext("demo-seed");
  await ensureOffices(services, DEMO_OFFICES);
  const add = services.accounts.addAccount;

  for (const office of DEMO_OFFICES) {
    for (const { role, suffix, title } of DEMO_STAFF_ROLES) {
      const username = `${office.slug}.${suffix}`;
      await add(ctx, {
        username,
        kind: "staff",
        displayName: `${office.name.replace("不动产登记中心", "")}${title}`,
        password: DEMO_PASSWORD,
        roles: [{ role, jurisdiction: office.code }],
      });
    }
  }
  for (const s of DEMO_CITY_SUPERVISORS) {
    await add(ctx, {
      username: s.username,
      kind: "staff",
      displayName: s.displayName,
      password: DEMO_PASSWORD,
      roles: [{ role: "supervisor", jurisdiction: s.jurisdiction }],
    });
  }

  for (const inst of DEMO_INSTITUTIONS) {
    // Courts and departments are 机关 registered by 机构编制 (1-1); the others are enterprises (9-1).
    const isOrgan = inst.kind === "court" || inst.kind === "tax" || inst.kind === "housing";
    const creditCode = generateCreditCode({
      authority: isOrgan ? "1" : "9",
      type: "1",
      division: inst.division,
      organisation: inst.organisation,
    });
    const institution = await inTransaction(services.db, (tx) =>
      insertInstitution(tx, {
        kind: inst.kind,
        name: inst.name,
        credit_code: creditCode,
        jurisdiction: inst.jurisdiction,
      }),
    );
    await add(ctx, {
      username: inst.username,
      kind: "institution",
      displayName: inst.name,
      password: DEMO_PASSWORD,
      institutionId: institution.id,
      creditCode,
    });
  }

  for (const c of DEMO_CITIZENS) {
    await add(ctx, {
      username: c.username,
      kind: "citizen",
      displayName: c.displayName,
      password: DEMO_PASSWORD,
      idNumber: generateResidentId({ county: c.county, birthDate: c.birthDate, sequence: c.sequence }),
      phone: c.phone,
    });
  }

  for (const c of DEMO_COMPANIES) {
    await add(ctx, {
      username: c.username,
      kind: "company",
      displayName: c.displayName,
      password: DEMO_PASSWORD,
      creditCode: generateCreditCode({
        authority: "9",
        type: "1",
        division: c.division,
        organisation: c.organisation,
      }),
    });
  }

  // A small register (登记簿) for the demo offices, written through the ledger.
  await seedDemoRegister(services);

  await insertSetting(services.db, SEEDED_KEY, { at: new Date().toISOString() });
  return true;
}

/** The demo accounts, grouped as printed at start-up. */
export function demoAccountLines(): DemoAccountLine[] {
  return [
    ...DEMO_OFFICES.map((o) => ({
      group: `${o.name} (${o.code})`,
      usernames: DEMO_STAFF_ROLES.map((r) => `${o.slug}.${r.suffix}`),
      note: DEMO_STAFF_ROLES.map((r) => STAFF_ROLE_NAMES[r.role]).join("/"),
    })),
    {
      group: "市级督查 City supervisors",
      usernames: DEMO_CITY_SUPERVISORS.map((s) => s.username),
      note: "督查员",
    },
    {
      group: "机构 Institutions",
      usernames: DEMO_INSTITUTIONS.map((i) => i.username),
      note: "银行/开发企业/中介/法院/公证/税务/住建",
    },
    { group: "个人 Citizens", usernames: DEMO_CITIZENS.map((c) => c.username), note: "网上办事大厅" },
    { group: "企业 Companies", usernames: DEMO_COMPANIES.map((c) => c.username), note: "网上办事大厅" },
  ];
}

export function formatDemoAccounts(lines: DemoAccountLine[] = demoAccountLines()): string {
  const body = lines.map((l) => `  ${l.group} — ${l.note}\n    ${l.usernames.join("  ")}`).join("\n");
  return `演示账户 Demo accounts (共用密码 shared password: ${DEMO_PASSWORD})\n${body}`;
}
