import { parseArgs } from "node:util";
import { isIsoDate } from "@yulin/domain";
import type { CasesModule } from "./cases.module";

export const CASES_HELP = `  yulin sweep [--date YYYY-MM-DD] [--all]
                                      record time-driven effects due by the date (R8 R9 R11 R12 R18):
                                      lapsed seizures, waiting seizures taking effect, lapsed advance
                                      notices and objections, ended habitation rights; --all re-reads
                                      every unit with a timed restriction (after an import)`;

/** `yulin sweep`: the scheduler's pass, for cron or after a long stop (the API also sweeps on an interval). */
export async function runCasesCommand(
  services: { cases: Pick<CasesModule, "scheduler"> },
  argv: string[],
): Promise<number | undefined> {
  if (argv[0] !== "sweep") return undefined;
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { date: { type: "string" }, all: { type: "boolean" } },
  });
  if (values.date !== undefined && !isIsoDate(values.date)) {
    console.error("--date must be YYYY-MM-DD");
    return 2;
  }
  const options = values.date ? { today: values.date } : {};
  if (values.all) {
    console.log(JSON.stringify(await services.cases.scheduler.sweepAll(options)));
    return 0;
  }
  const summary = await services.cases.scheduler.sweep(options);
  console.log(JSON.stringify(summary));
  return summary.failed > 0 ? 1 : 0;
}
