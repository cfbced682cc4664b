import { parseArgs } from "node:util";
import {
  ACCOUNT_KINDS,
  type AccountKind,
  INSTITUTION_KINDS,
  type InstitutionKind,
  STAFF_ROLES,
  type StaffRole,
} from "@yulin/domain";
import { CASES_HELP, runCasesCommand } from "../cases/cases.cli";
import {
  VERIFY_CERTIFICATE_HELP,
  verifyCertificateCommand,
} from "../certificates/verify-certificate.command";
import { formatDemoAccounts, seedDemo } from "../demo/demo.seed";
import { findAccountByUsername, loadProfile, toActor } from "../identity/account.repository";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "../identity/api-token-scopes";
import { insertInstitution } from "../identity/institution.repository";
import {
  INTEGRATIONS_HELP,
  IntegrationsUsageError,
  runIntegrationsCommand,
} from "../integrations/integrations.cli";
import { systemContext } from "../platform/audit/audit";
import { ConfigError, loadConfig } from "../platform/config";
import { DataDirLockedError } from "../platform/db/embedded-lock";
import { AppError } from "../platform/errors";
import { REGISTER_COMMANDS, REGISTER_HELP, runRegisterCommand } from "../register/register.cli";
import { openServices } from "./setup";

const HELP = `yulin — 鱼鳞不动产登记平台命令行 (Yulin command line)

  yulin migrate                       apply database migrations (also done at every start)
  yulin seed --demo                   load the demo dataset (once)
  yulin demo accounts                 print the demo accounts
  yulin user add --username U --kind citizen|company|institution|staff --name 显示名 --password P
                 [--id-number N] [--phone N] [--credit-code C]
                 [--role acceptor@440604 ...]               (staff: role@county, repeatable)
                 [--institution-kind bank --institution-name 名称]   (institution accounts)
  yulin user token --username U --name N [--scope S]… [--days D]
                                          issue an API token for an institution account
${VERIFY_CERTIFICATE_HELP}
${REGISTER_HELP}
${CASES_HELP}
${INTEGRATIONS_HELP}

Database: DATABASE_URL for PostgreSQL, otherwise PGlite under YULIN_DATA_DIR (default ./data).
The embedded database allows one process: stop the server before running the CLI on it.`;

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return 0;
  }
  // Offline: needs neither the database nor the network.
  if (command === "verify-certificate") return verifyCertificateCommand(argv.slice(1));
  const config = loadConfig();
  const services = await openServices(config);
  try {
    const ctx = systemContext("cli");
    if (REGISTER_COMMANDS.has(command)) return await runRegisterCommand(services, ctx, argv);
    if (command === "migrate") {
      console.log("数据库已是最新 Database migrated.");
      return 0;
    }
    if (command === "seed") {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: "boolean" } } });
      if (!values.demo) throw new UsageError("only `yulin seed --demo` exists");
      const seeded = await seedDemo(services);
      console.log(seeded ? formatDemoAccounts() : "演示数据已存在 Demo data already present.");
      return 0;
    }
    if (command === "demo" && sub === "accounts") {
      console.log(formatDemoAccounts());
      return 0;
    }
    if (command === "user" && sub === "add") {
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          username: { type: "string" },
          kind: { type: "string" },
          name: { type: "string" },
          password: { type: "string" },
          "id-number": { type: "string" },
          phone: { type: "string" },
          "credit-code": { type: "string" },
          role: { type: "string", multiple: true },
          "institution-kind": { type: "string" },
          "institution-name": { type: "string" },
        },
      });
      const kind = values.kind as AccountKind;
      if (!values.username || !values.name || !values.password || !ACCOUNT_KINDS.includes(kind)) {
        throw new UsageError(
          "--username, --name, --password and --kind citizen|company|institution|staff are required",
        );
      }
      const roles = (values.role ?? []).map(parseRole);
      if (kind === "staff" && roles.length === 0)
        throw new UsageError("staff accounts need at least one --role role@county");
      let institutionId: string | null = null;
      if (kind === "institution") {
        const ik = values["institution-kind"] as InstitutionKind;
        if (!INSTITUTION_KINDS.includes(ik) || !values["institution-name"]) {
          throw new UsageError(
            `--institution-kind (${INSTITUTION_KINDS.join("|")}) and --institution-name are required`,
          );
        }
        const row = await insertInstitution(services.db, {
          kind: ik,
          name: values["institution-name"],
          credit_code: values["credit-code"] ?? null,
          jurisdiction: null,
        });
        institutionId = row.id;
      }
      const account = await services.accounts.addAccount(ctx, {
        username: values.username,
        kind,
        displayName: values.name,
        password: values.password,
        idNumber: values["id-number"] ?? null,
        phone: values.phone ?? null,
        creditCode: values["credit-code"] ?? null,
        institutionId,
        roles,
      });
      console.log(JSON.stringify(account, null, 2));
      return 0;
    }
    if (command === "user" && sub === "token") {
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          username: { type: "string" },
          name: { type: "string" },
          scope: { type: "string", multiple: true },
          days: { type: "string" },
        },
      });
      const account = values.username ? await findAccountByUsername(services.db, values.username) : undefined;
      if (!account || !values.name)
        throw new UsageError("--username of an existing institution account and --name are required");
      const actor = toActor(await loadProfile(services.db, account));
      const scopes = values.scope?.map((s) => {
        if (!(API_TOKEN_SCOPES as readonly string[]).includes(s))
          throw new UsageError(`--scope must be one of ${API_TOKEN_SCOPES.join(", ")}`);
        return s as ApiTokenScope;
      });
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && !(Number.isInteger(days) && days > 0))
        throw new UsageError("--days must be a positive whole number");
      const token = await services.tokens.issue(
        { ...ctx, actor },
        { name: values.name, scopes, expiresInDays: days },
      );
      console.log(
        `API token for ${account.username} (shown once; scopes ${token.scopes.join(", ")}; ` +
          `expires ${token.expires_at.toISOString()}):\n${token.token}`,
      );
      return 0;
    }
    const cases = await runCasesCommand(services, argv);
    if (cases !== undefined) return cases;
    const integrations = await runIntegrationsCommand(services, argv);
    if (integrations !== undefined) return integrations;
    throw new UsageError(`unknown command: ${argv.join(" ")}`);
  } finally {
    await services.close();
  }
}

class UsageError extends Error {}

function parseRole(value: string): { role: StaffRole; jurisdiction: string } {
  const [role, jurisdiction] = value.split("@");
  if (!STAFF_ROLES.includes(role as StaffRole) || !jurisdiction || !/^\d{6}$/.test(jurisdiction)) {
    throw new UsageError(`--role must be role@county, role one of ${STAFF_ROLES.join("|")}; got ${value}`);
  }
  return { role: role as StaffRole, jurisdiction };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError || error instanceof IntegrationsUsageError)
      console.error(`${error.message}\n\n${HELP}`);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`, error.details ?? "");
    else if (error instanceof ConfigError || error instanceof DataDirLockedError)
      console.error(error.message);
    else console.error(error);
    process.exit(error instanceof UsageError || error instanceof IntegrationsUsageError ? 2 : 1);
  },
);
