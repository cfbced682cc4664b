import { parseArgs } from "node:util";
import { formatFen } from "@yulin/domain/fees/index";
import { findInstitutionByUsername } from "../identity/institution.repository";
import { systemContext } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import type { OutboxStatus } from "../platform/db/schema";
import type { Integrations } from "./integrations.module";

export const INTEGRATIONS_HELP = `  yulin outbox list [--status pending|sending|delivered|dead|skipped] [--connector C] [--limit N]
  yulin outbox retry ID                put a dead-lettered message back in the queue (audited)
  yulin outbox run                     deliver everything due now, then exit
  yulin connectors                     connectors: mode, health, pending and dead-lettered counts
  yulin connectors key --institution USERNAME [--public-key HEX] [--endpoint URL]
                                       register an institution's SM2 callback key / push endpoint
  yulin payment reconcile --date YYYY-MM-DD   daily reconciliation against the channel`;

export class IntegrationsUsageError extends Error {}

/** `yulin outbox …`, `yulin connectors …`, `yulin payment …`; returns undefined if not ours. */
export async function runIntegrationsCommand(
  services: {
    db: Database;
    integrations: Pick<Integrations, "operations" | "worker" | "connections" | "payments">;
  },
  argv: string[],
): Promise<number | undefined> {
  const [command, sub] = argv;
  const ctx = systemContext("cli");
  const ops = services.integrations.operations;
  if (command === "outbox" && sub === "list") {
    const { values } = parseArgs({
      args: argv.slice(2),
      options: { status: { type: "string" }, connector: { type: "string" }, limit: { type: "string" } },
    });
    const messages = await ops.listMessages(ctx, {
      status: values.status as OutboxStatus | undefined,
      connector: values.connector,
      limit: values.limit ? Number(values.limit) : 50,
    });
    for (const m of messages) {
      console.log(
        `${String(m.id).padStart(6)}  ${m.status.padEnd(9)} ${m.connector.padEnd(20)} ${m.topic.padEnd(22)} ` +
          `attempts ${m.attempts}/${m.maxAttempts}  ${m.lastError ?? ""}`,
      );
    }
    if (messages.length === 0) console.log("没有消息 No messages.");
    return 0;
  }
  if (command === "outbox" && sub === "retry") {
    const id = Number(argv[2]);
    if (!Number.isSafeInteger(id) || id <= 0) throw new IntegrationsUsageError("yulin outbox retry ID");
    const m = await ops.retryMessage(ctx, id);
    console.log(`已重新排队 Requeued message ${m.id} (${m.topic} → ${m.connector}).`);
    return 0;
  }
  if (command === "outbox" && sub === "run") {
    const n = await services.integrations.worker.drain();
    console.log(`已处理 Handled ${n} message(s).`);
    return 0;
  }
  if (command === "connectors" && (sub === undefined || sub === "list")) {
    for (const c of await ops.listConnectors(ctx)) {
      console.log(
        `${c.label.padEnd(24)} ${c.connector.padEnd(46)} ${c.mode.padEnd(9)} ${c.status.padEnd(8)} pending ${c.pending}  dead ${c.dead}  ` +
          `failures ${c.consecutiveFailures}  last ok ${c.lastSuccessAt ?? "-"}${c.url ? `  ${c.url}` : ""}`,
      );
    }
    return 0;
  }
  if (command === "connectors" && sub === "key") {
    const { values } = parseArgs({
      args: argv.slice(2),
      options: {
        institution: { type: "string" },
        "public-key": { type: "string" },
        endpoint: { type: "string" },
      },
    });
    const inst = values.institution
      ? await findInstitutionByUsername(services.db, values.institution)
      : undefined;
    if (!inst)
      throw new IntegrationsUsageError("--institution must be the username of an institution account");
    const row = await services.integrations.connections.setConnection(ctx, inst.id, {
      publicKey: values["public-key"],
      endpointUrl: values.endpoint,
    });
    console.log(`${inst.name}: ${JSON.stringify(row)}`);
    return 0;
  }
  if (command === "payment" && sub === "reconcile") {
    const { values } = parseArgs({ args: argv.slice(2), options: { date: { type: "string" } } });
    if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      throw new IntegrationsUsageError("--date YYYY-MM-DD");
    const r = await services.integrations.payments.reconcileDay(ctx, values.date);
    console.log(
      `${r.date} ${r.balanced ? "平衡 balanced" : "不平 NOT balanced"}: ${r.transactions} payments, ` +
        `gateway ¥${formatFen(r.gatewayTotal)}, ours ¥${formatFen(r.ourTotal)}, ` +
        `treasury ¥${formatFen(r.byAccount.treasury)}, non-tax ¥${formatFen(r.byAccount["non-tax"])}, ` +
        `${r.mismatches.length} mismatch(es)`,
    );
    for (const m of r.mismatches) console.log(`  ${JSON.stringify(m)}`);
    return r.balanced ? 0 : 3;
  }
  return undefined;
}
